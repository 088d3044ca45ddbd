package dev.vad.common.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The self-description of a model artifact: everything a scorer needs to decide whether and how to use the
 * network, and everything a person needs to know where it came from.
 *
 * @param name            model name, the key on {@code vad.models}
 * @param version         version, increasing per name
 * @param architecture    preset that built the network (e.g. {@code compact}, {@code deep})
 * @param dimensions      dimensionality of the convolutions, 1 to 6
 * @param view            how a frame window is viewed as the network's input (e.g. {@code frame}, {@code t1,t2,h,w})
 * @param inputShape      shape of one input example, channels first
 * @param windowFrames    frames per window the model expects
 * @param frameWidth      frame width the model expects
 * @param frameHeight     frame height the model expects
 * @param pixelFormat     pixel format the model expects
 * @param normalisation   pixel normalisation applied before the network
 * @param hyperParameters training hyper-parameters, by name
 * @param seed            random seed of initialisation and sampling
 * @param trainedOn       offset ranges of the records the model was trained on
 * @param calibration     statistics of validation scores, by score kind (e.g. {@code frame_mean}, {@code frame_patch})
 * @param trainingMetrics final training figures (loss, validation loss, steps), by name
 * @param createdAtMicros creation time, microseconds since the epoch
 */
public record ModelHeader(
        String name,
        long version,
        String architecture,
        int dimensions,
        String view,
        int[] inputShape,
        int windowFrames,
        int frameWidth,
        int frameHeight,
        PixelFormat pixelFormat,
        Normalisation normalisation,
        SortedMap<String, String> hyperParameters,
        long seed,
        List<OffsetRange> trainedOn,
        SortedMap<String, ScoreStatistics> calibration,
        SortedMap<String, Double> trainingMetrics,
        long createdAtMicros) {

    public ModelHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(inputShape, "inputShape");
        Objects.requireNonNull(pixelFormat, "pixelFormat");
        Objects.requireNonNull(normalisation, "normalisation");
        if (name.isEmpty() || version < 1 || dimensions < 1 || dimensions > 6) {
            throw new IllegalArgumentException("a model needs a name, a version >= 1 and 1 to 6 dimensions, found '"
                    + name + "', " + version + ", " + dimensions);
        }
        if (windowFrames < 1 || frameWidth < 1 || frameHeight < 1) {
            throw new IllegalArgumentException("a model's expected window must be positive, found " + windowFrames
                    + " frames of " + frameWidth + "x" + frameHeight);
        }
        inputShape = inputShape.clone();
        hyperParameters = sorted(hyperParameters);
        trainedOn = trainedOn == null ? List.of() : List.copyOf(trainedOn);
        calibration = sorted(calibration);
        trainingMetrics = sorted(trainingMetrics);
    }

    /** Fails, naming both shapes, unless windows of this shape and format are what the model was trained on. */
    public void requireWindowShape(int frames, int width, int height, PixelFormat format) {
        if (frames != windowFrames || width != frameWidth || height != frameHeight || format != pixelFormat) {
            throw new IllegalArgumentException("model " + name + "@" + version + " expects windows of "
                    + windowFrames + " frames of " + frameWidth + "x" + frameHeight + " " + pixelFormat
                    + ", found " + frames + " frames of " + width + "x" + height + " " + format);
        }
    }

    private static <V> SortedMap<String, V> sorted(Map<String, V> map) {
        return map == null ? new TreeMap<>() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelHeader h
                && name.equals(h.name) && version == h.version && architecture.equals(h.architecture)
                && dimensions == h.dimensions && view.equals(h.view) && Arrays.equals(inputShape, h.inputShape)
                && windowFrames == h.windowFrames && frameWidth == h.frameWidth && frameHeight == h.frameHeight
                && pixelFormat == h.pixelFormat && normalisation.equals(h.normalisation)
                && hyperParameters.equals(h.hyperParameters) && seed == h.seed && trainedOn.equals(h.trainedOn)
                && calibration.equals(h.calibration) && trainingMetrics.equals(h.trainingMetrics)
                && createdAtMicros == h.createdAtMicros;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, architecture, dimensions, view, Arrays.hashCode(inputShape));
    }

    @Override
    public String toString() {
        return "ModelHeader[" + name + "@" + version + ", " + architecture + " " + dimensions + "D " + view
                + ", input " + Arrays.toString(inputShape) + "]";
    }
}
