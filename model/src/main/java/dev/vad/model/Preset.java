package dev.vad.model;

import java.util.Locale;

/** The autoencoder designs on offer; see REFERENCE-MODELS.md for their sources. */
public enum Preset {
    /** The 1D-6D study's small convolutional autoencoder. */
    COMPACT(new CompactArchitecture(new long[] {8, 4, 4}, new long[] {4, 8}), 6),
    /** {@code compact}'s all-strided design with more channels (32, 32, 16): more capacity at nearly its speed. */
    COMPACT32(new CompactArchitecture(new long[] {32, 32, 16}, new long[] {16, 32}), 6),
    /** Three conv/ReLU/batch-norm/pool stages and their transposed mirror. */
    DEEP(new DeepArchitecture(), 6),
    /** One convolution, one pool, one transposed convolution. */
    SIMPLE(new SimpleArchitecture(), 6),
    /** Fully connected 512-256-128-32 with batch norm and dropout. */
    DENSE(new DenseArchitecture(), 6),
    /**
     * Five SELU convolutions to a dense latent, up-sampling decoder; in 5D and 6D its kernels span one block
     * (see {@link WideArchitecture}).
     */
    WIDE(new WideArchitecture(), 6),
    /**
     * Future-frame prediction: a 2D U-Net predicts each frame of a window from the four before it (see
     * {@link FutureArchitecture}); 3D-6D views.
     */
    FUTURE(new FutureArchitecture(), 6);

    private final Architecture architecture;
    private final int maxDimensions;

    Preset(Architecture architecture, int maxDimensions) {
        this.architecture = architecture;
        this.maxDimensions = maxDimensions;
    }

    /** Leading frames of a window this preset predicts from rather than reconstructs (0 for autoencoders). */
    public int contextFrames() {
        return architecture.contextFrames();
    }

    /** Fewest spatial axes this preset takes: 3 for a predicting preset, else 1. */
    public int minDimensions() {
        return contextFrames() > 0 ? 3 : 1;
    }

    /** Most spatial axes this preset takes. */
    public int maxDimensions() {
        return maxDimensions;
    }

    /** The lower-case name used in configuration ({@code compact}, {@code deep}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The preset named {@code id}, case-insensitive; fails listing the known names. */
    public static Preset fromId(String id) {
        for (Preset p : values()) {
            if (p.id().equalsIgnoreCase(id.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown model preset '" + id
                + "', expected one of compact, compact32, deep, simple, dense, wide, future");
    }

    Architecture architecture() {
        return architecture;
    }
}
