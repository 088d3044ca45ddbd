package dev.vad.model;

/** The layers of one preset, for any number of spatial axes (1-6) and any lengths. */
interface Architecture {
    /** The network from input to reconstruction; the output has the input's shape. */
    FeatureMap build(GraphBuilder b, FeatureMap input);

    /** How the parameters of a network with {@code dimensions} spatial axes start. */
    default ParameterInit init(int dimensions) {
        return ParameterInit.UNIFORM_FAN_IN;
    }

    /**
     * Leading frames of a window that the network predicts from rather than reconstructs (0: it reconstructs
     * the whole input). A network with context takes 3D-6D views of windows longer than the context (a 1D or 2D
     * example is one frame), and gives those frames back unchanged.
     */
    default int contextFrames() {
        return 0;
    }

    /** Largest global L2 norm of one step's gradients, or 0 for no clipping. */
    default double gradientClipNorm() {
        return 0;
    }
}
