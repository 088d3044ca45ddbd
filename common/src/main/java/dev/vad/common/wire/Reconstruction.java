package dev.vad.common.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * A model's reconstruction of one frame window and its per-pixel error: the value of {@code vad.reconstructions}.
 *
 * @param streamId       stream of the window
 * @param sequence       sequence number of the window
 * @param frameIndices   stream frame index of each frame
 * @param modelName      model that reconstructed the window
 * @param modelVersion   version of that model
 * @param width          frame width
 * @param height         frame height
 * @param pixelFormat    layout of the reconstructed pixels (that of the window)
 * @param pixels         reconstructed pixels, same layout as {@link FrameWindow#pixels()}
 * @param errorMap       squared error per pixel (mean over channels, intensities scaled to 0..1),
 *                       {@code frames x height x width} values
 */
public record Reconstruction(
        String streamId,
        long sequence,
        long[] frameIndices,
        String modelName,
        long modelVersion,
        int width,
        int height,
        PixelFormat pixelFormat,
        byte[] pixels,
        float[] errorMap) {

    public Reconstruction {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(frameIndices, "frameIndices");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(pixelFormat, "pixelFormat");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(errorMap, "errorMap");
        if (frameIndices.length == 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a reconstruction needs at least one frame of positive size, found "
                    + frameIndices.length + " frames of " + width + "x" + height);
        }
        long plane = (long) frameIndices.length * width * height;
        if (pixels.length != plane * pixelFormat.channels()) {
            throw new IllegalArgumentException("expected " + plane * pixelFormat.channels()
                    + " reconstructed pixel bytes, found " + pixels.length);
        }
        if (errorMap.length != plane) {
            throw new IllegalArgumentException("expected " + plane + " error-map values, found " + errorMap.length);
        }
    }

    public int frameCount() {
        return frameIndices.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Reconstruction r
                && streamId.equals(r.streamId)
                && sequence == r.sequence
                && Arrays.equals(frameIndices, r.frameIndices)
                && modelName.equals(r.modelName)
                && modelVersion == r.modelVersion
                && width == r.width
                && height == r.height
                && pixelFormat == r.pixelFormat
                && Arrays.equals(pixels, r.pixels)
                && Arrays.equals(errorMap, r.errorMap);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamId, sequence, modelName, modelVersion, width, height);
    }

    @Override
    public String toString() {
        return "Reconstruction[" + streamId + "#" + sequence + " by " + modelName + "@" + modelVersion + ", "
                + frameIndices.length + " frames of " + width + "x" + height + "]";
    }
}
