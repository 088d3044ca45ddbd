package dev.vad.eval;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * How many whole training clips are held out of training, to validate on with pseudo-anomalies, and which: of M
 * clips in use, N are held out, the i-th (from 0) being clip {@code floor((2i + 1) M / 2N)} in list order, the
 * middle of the i-th of N equal parts of the list (of 16 clips, 3 hold out clips 03, 09 and 14).
 *
 * @param given the number asked for ({@code --validation-clips}); empty for the default, {@link #DEFAULT_CLIPS} but
 *              at most a quarter of the clips in use (so none of fewer than four)
 */
public record ValidationClips(OptionalInt given) {

    public static final int DEFAULT_CLIPS = 3;

    public static final Setting<Integer> SETTING = Setting.integer("validation-clips", DEFAULT_CLIPS, 0, 1_000,
            "Hold N training clips, evenly spaced, out of training and score them made anomalous (skip, reverse,"
                    + " freeze, patch, light); 0 none").defaultText(DEFAULT_CLIPS + ", at most a quarter of the"
                    + " clips");

    /** The training clips held out and the dataset that is left to train on. */
    record HeldOut(LabelledDataset rest, List<Clip> clips) {
    }

    public static ValidationClips byDefault() {
        return new ValidationClips(OptionalInt.empty());
    }

    public static ValidationClips of(int clips) {
        return new ValidationClips(OptionalInt.of(clips));
    }

    static ValidationClips load(ConfigReader config) {
        return SETTING.given(config) ? of(SETTING.from(config)) : byDefault();
    }

    /**
     * Records a problem in {@code config} when the number given would leave none of {@code trainingClips} to train on
     * (call {@link ConfigReader#validate()}).
     */
    public void check(ConfigReader config, int trainingClips) {
        if (given.isPresent() && given.getAsInt() >= trainingClips) {
            config.problem("validation-clips", config.found("validation-clips"), "at most " + (trainingClips - 1)
                    + ": one of the " + trainingClips + " training clips in use must be left to train on (0 turns"
                    + " validation off; --train-clips uses more)");
        }
    }

    /**
     * How many of {@code trainingClips} are held out.
     *
     * @throws IllegalArgumentException when the number given would leave no clip to train on
     */
    public int count(int trainingClips) {
        if (given.isEmpty()) {
            return Math.min(DEFAULT_CLIPS, trainingClips / 4);
        }
        int clips = given.getAsInt();
        if (clips >= trainingClips) {
            throw new IllegalArgumentException("--validation-clips " + clips + " would hold out " + clips + " of the "
                    + trainingClips + " training clips in use and leave none to train on; give at most "
                    + (trainingClips - 1) + " (0 turns validation off) or use more training clips (--train-clips)");
        }
        return clips;
    }

    /** Splits the training clips of {@code data}. */
    HeldOut holdOut(LabelledDataset data) {
        List<Clip> training = data.training();
        int clips = count(training.size());
        List<Clip> heldOut = new ArrayList<>(clips);
        for (int i = 0; i < clips; i++) {
            heldOut.add(training.get((int) ((2L * i + 1) * training.size() / (2L * clips))));
        }
        List<Clip> rest = new ArrayList<>(training);
        rest.removeAll(heldOut);
        return new HeldOut(new LabelledDataset(data.name(), data.layout(), rest, data.testing()), heldOut);
    }
}
