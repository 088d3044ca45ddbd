package dev.vad.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * One clip of a dataset: a folder of frame images in name order.
 *
 * @param name   the clip's name in the dataset (e.g. {@code 01})
 * @param folder the folder of its frames
 * @param frames the frame files, in order
 * @param labels per frame, true when anomalous; empty for training clips
 */
public record Clip(String name, Path folder, List<Path> frames, List<Boolean> labels) {

    /** The frame rate a clip's frames are played at. Stream time only orders frames here; UCSD clips are 10 fps. */
    public static final double FOLDER_FPS = 10;

    public Clip {
        frames = List.copyOf(frames);
        labels = List.copyOf(labels);
        if (!labels.isEmpty() && labels.size() != frames.size()) {
            throw new IllegalArgumentException("clip " + name + " has " + frames.size() + " frames but "
                    + labels.size() + " labels");
        }
    }

    public long anomalousFrames() {
        return labels.stream().filter(Boolean::booleanValue).count();
    }
}
