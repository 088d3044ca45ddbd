package dev.vad.model;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.Normalisation;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Frame windows as network input and network output as pixels: windows of {@code T} frames of {@code H x W} with
 * {@code C} interleaved channels become a {@code [windows, C, T, H, W]} float batch, normalised as the model says;
 * a reconstruction goes back to bytes in the window's own layout, with its per-pixel squared error.
 */
public final class WindowTensor {

    private WindowTensor() {
    }

    /**
     * Stacks windows of one shape into a {@code [n, C, T, H, W]} batch, {@code x = (byte / 255 - offset) / scale}.
     *
     * @throws IllegalArgumentException when the windows differ in shape, naming both shapes
     */
    public static INDArray batch(List<FrameWindow> windows, Normalisation normalisation) {
        FrameWindow first = windows.get(0);
        int c = first.channels();
        int t = first.frameCount();
        int plane = first.height() * first.width();
        float[] values = new float[windows.size() * c * t * plane];
        for (int n = 0; n < windows.size(); n++) {
            FrameWindow w = windows.get(n);
            requireSameShape(first, w);
            byte[] pixels = w.pixels();
            int base = n * c * t * plane;
            for (int ch = 0; ch < c; ch++) {
                float offset = (float) pick(normalisation.offset(), ch);
                float scale = (float) pick(normalisation.scale(), ch);
                for (int f = 0; f < t; f++) {
                    int out = base + (ch * t + f) * plane;
                    int in = f * plane * c + ch;
                    for (int p = 0; p < plane; p++) {
                        values[out + p] = ((pixels[in + p * c] & 0xff) / 255f - offset) / scale;
                    }
                }
            }
        }
        return Nd4j.create(values, new long[] {windows.size(), c, t, first.height(), first.width()}, 'c')
                .castTo(DataType.FLOAT);
    }

    /** One window of a {@code [n, C, T, H, W]} batch as bytes in the frame layout (rounded, clamped to 0..255). */
    public static byte[] pixels(INDArray batch, int index, Normalisation normalisation) {
        long[] shape = batch.shape();
        int c = (int) shape[1];
        int t = (int) shape[2];
        int plane = (int) (shape[3] * shape[4]);
        float[] values = batch.slice(index).dup('c').data().asFloat();
        byte[] out = new byte[c * t * plane];
        for (int ch = 0; ch < c; ch++) {
            double offset = pick(normalisation.offset(), ch);
            double scale = pick(normalisation.scale(), ch);
            for (int f = 0; f < t; f++) {
                int in = (ch * t + f) * plane;
                for (int p = 0; p < plane; p++) {
                    double unit = values[in + p] * scale + offset;
                    out[(f * plane + p) * c + ch] = (byte) Math.max(0, Math.min(255, Math.round(unit * 255)));
                }
            }
        }
        return out;
    }

    /**
     * Squared error per pixel of window {@code index}, averaged over channels, in normalised units:
     * {@code T x H x W} values in frame order.
     */
    public static float[] errorMap(INDArray input, INDArray reconstruction, int index) {
        INDArray diff = input.slice(index).sub(reconstruction.slice(index));
        INDArray squared = diff.muli(diff);
        return squared.mean(0).dup('c').data().asFloat();
    }

    private static double pick(double[] values, int channel) {
        return values.length == 1 ? values[0] : values[channel];
    }

    private static void requireSameShape(FrameWindow a, FrameWindow b) {
        if (a.frameCount() != b.frameCount() || a.width() != b.width() || a.height() != b.height()
                || a.pixelFormat() != b.pixelFormat()) {
            throw new IllegalArgumentException("a batch needs windows of one shape: " + describe(a) + " and "
                    + describe(b));
        }
    }

    private static String describe(FrameWindow w) {
        return w.frameCount() + " frames of " + w.width() + "x" + w.height() + " " + w.pixelFormat();
    }
}
