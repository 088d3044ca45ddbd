package dev.vad.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * One pass kind of {@code vad bench conv4d}: median milliseconds of the 4D and the 3D convolution, their ratio
 * and the ratio of their nominal multiply-adds (3 for kernel 3).
 *
 * @param pass     {@code forward} or {@code forward_backward} (gradients of input and weights)
 * @param options  the shapes and settings
 * @param threads  native threads in use
 * @param conv4dMs median time of one 4D pass
 * @param conv3dMs median time of one 3D pass
 * @param macRatio 4D multiply-adds ÷ 3D multiply-adds
 */
public record ConvRatio(String pass, ConvRatioOptions options, int threads, double conv4dMs, double conv3dMs,
        double macRatio) {
    /** The goal for {@link #ratio()}. */
    public static final double GOAL = 3.3;

    public double ratio() {
        return conv4dMs / conv3dMs;
    }

    /** {@code bench=conv4d pass=forward ... conv4d_ms=... conv3d_ms=... mac_ratio=3.000 goal_max=3.3 ratio=...}. */
    public String line() {
        return String.format(Locale.ROOT, "bench=conv4d pass=%s input_4d=%s input_3d=%s kernel=3 stride=1 padding=1"
                        + " threads=%d warm_up_s=%s iterations=%d repeats=%d conv4d_ms=%.2f conv3d_ms=%.2f"
                        + " mac_ratio=%.3f goal_max=%.1f ratio=%.3f", pass, shape(options.input4d()),
                shape(options.input3d()), threads, options.warmUpSeconds(), options.timedIterations(),
                options.repeats(), conv4dMs, conv3dMs, macRatio, GOAL, ratio());
    }

    private static String shape(long[] shape) {
        return Arrays.toString(shape).replace(" ", "");
    }
}
