package dev.vad.bench;

import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread count of ND4J's native code in this process: OpenMP (BLAS, oneDNN) and libnd4j's own thread pool.
 * {@code OMP_NUM_THREADS} sets it at start-up; {@link #use(int)} changes it for the rest of the run.
 */
final class NativeThreads {
    private static final Logger LOG = LoggerFactory.getLogger(NativeThreads.class);

    private NativeThreads() {
    }

    /** Sets every native thread limit to {@code threads}; returns what OpenMP then reports. */
    static int use(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, found " + threads);
        }
        Environment environment = Nd4j.getEnvironment(); // loads the backend before its native ops are touched
        environment.setMaxThreads(threads);
        environment.setMaxMasterThreads(threads);
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        ops.setOmpNumThreads(threads);
        int effective = ops.ompGetMaxThreads();
        if (effective != threads) {
            LOG.warn("asked ND4J for {} threads, OpenMP reports {}", threads, effective);
        }
        return effective;
    }
}
