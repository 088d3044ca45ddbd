package dev.vad.model.fit;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.Normalisation;
import dev.vad.model.Autoencoder;
import dev.vad.model.NativeArrays;
import dev.vad.model.WindowTensor;
import dev.vad.model.WindowView;
import dev.vad.model.score.FrameErrors;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An autoencoder with the view and normalisation that turn frame windows into its input: what a trainer fits
 * and a scorer runs. Not thread-safe (the autoencoder is not).
 */
public final class WindowModel {

    /** Score kinds of the calibration statistics. */
    public static final String FRAME_MEAN = "frame_mean";
    public static final String FRAME_PATCH = "frame_patch";
    /** Predicted frames a predicting model's reconstruction call takes at most (see {@link #maxWindowsPerCall()}). */
    public static final int PREDICTIONS_PER_CALL = 16;

    private final Autoencoder network;
    private final WindowView view;
    private final Normalisation normalisation;
    private final int patch;

    /**
     * @param patch side of the patches whose worst one gives the localised frame score
     */
    public WindowModel(Autoencoder network, WindowView view, Normalisation normalisation, int patch) {
        this.network = network;
        this.view = view;
        this.normalisation = normalisation;
        this.patch = patch;
    }

    /** One training step on a batch of windows; returns the loss before the step. */
    public double fit(List<FrameWindow> windows) {
        INDArray batch = WindowTensor.batch(windows, normalisation);
        INDArray viewed = view.toView(batch);
        try {
            return network.fit(viewed);
        } finally {
            NativeArrays.release(viewed, batch);
        }
    }

    /**
     * Reconstructs windows; the result holds input and output as {@code [n, C, T, H, W]} batches until it is
     * closed.
     */
    public Reconstructed reconstruct(List<FrameWindow> windows) {
        INDArray input = WindowTensor.batch(windows, normalisation);
        INDArray viewed = view.toView(input);
        INDArray reconstructed = network.reconstruct(viewed);
        try {
            return new Reconstructed(input, view.fromView(reconstructed));
        } finally {
            if (viewed != input) {
                NativeArrays.release(viewed);
            }
            NativeArrays.release(reconstructed);
        }
    }

    public Autoencoder network() {
        return network;
    }

    public WindowView view() {
        return view;
    }

    public Normalisation normalisation() {
        return normalisation;
    }

    /** Side of the patches whose worst one gives the localised frame score. */
    public int patch() {
        return patch;
    }

    /**
     * Most windows one reconstruction call should take: unbounded for an autoencoder (one window is one example, or
     * its frames are); for a predicting model, whose graph makes an example of every predicted frame and whose
     * inference plan keeps a call's arrays for the next one, as many as give {@value #PREDICTIONS_PER_CALL}
     * predicted frames (at least one window).
     */
    public int maxWindowsPerCall() {
        int predicted = view.frames() - firstScoredFrame();
        return firstScoredFrame() == 0 ? Integer.MAX_VALUE : Math.max(1, PREDICTIONS_PER_CALL / predicted);
    }

    /**
     * The first frame of a window the model scores: 0 for an autoencoder, the number of context frames for a
     * predicting network (the frames it predicts from come back unchanged and are not scored).
     */
    public int firstScoredFrame() {
        return network.spec().preset().contextFrames();
    }

    /** Input and reconstruction of a batch of windows, {@code [n, C, T, H, W]} each; close it to free them. */
    public final class Reconstructed implements AutoCloseable {

        private final INDArray input;
        private final INDArray output;

        Reconstructed(INDArray input, INDArray output) {
            this.input = input;
            this.output = output;
        }

        /** Mean squared error over every element of the batch. */
        public double loss() {
            return input.squaredDistance(output) / input.length();
        }

        /** Squared error per pixel of window {@code index}, averaged over channels ({@code T x H x W}). */
        public float[] errorMap(int index) {
            return WindowTensor.errorMap(input, output, index);
        }

        /**
         * Per-frame mean and worst-patch errors of the scored frames of window {@code index}, from
         * {@link #firstScoredFrame()} on.
         */
        public FrameErrors.FrameError[] frameErrors(int index) {
            return frameErrors(index, null);
        }

        /**
         * The same with the pixels of {@code ignored} ({@code H x W}, true for an ignored pixel; null for none)
         * counting in no score ({@link FrameErrors#of(float[], int, int, int, int, boolean[])}).
         */
        public FrameErrors.FrameError[] frameErrors(int index, boolean[] ignored) {
            FrameErrors.FrameError[] all = FrameErrors.of(errorMap(index), view.frames(), view.height(),
                    view.width(), patch, ignored);
            int first = firstScoredFrame();
            return first == 0 ? all : Arrays.copyOfRange(all, first, all.length);
        }

        /** Reconstructed pixels of window {@code index}, in the window's byte layout. */
        public byte[] pixels(int index) {
            return WindowTensor.pixels(output, index, normalisation);
        }

        @Override
        public void close() {
            NativeArrays.release(output, input);
        }
    }
}
