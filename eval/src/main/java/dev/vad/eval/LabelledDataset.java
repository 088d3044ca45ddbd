package dev.vad.eval;

import java.util.List;

/**
 * A labelled video dataset: normal training clips and test clips with a label per frame.
 *
 * @param name     dataset name (e.g. {@code ucsd-ped2})
 * @param layout   how it was laid out on disk
 * @param training normal clips to learn from
 * @param testing  clips to score, labelled
 */
public record LabelledDataset(String name, String layout, List<Clip> training, List<Clip> testing) {

    public LabelledDataset {
        training = List.copyOf(training);
        testing = List.copyOf(testing);
    }

    /** The same dataset with at most the first {@code trainingClips} and {@code testClips} clips. */
    public LabelledDataset limit(int trainingClips, int testClips) {
        return new LabelledDataset(name, layout, training.subList(0, Math.min(trainingClips, training.size())),
                testing.subList(0, Math.min(testClips, testing.size())));
    }
}
