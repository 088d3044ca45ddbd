package dev.vad.bench;

import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread count of ND4J's native code in this process: OpenMP (oneDNN), libnd4j's own thread pool and the BLAS
 * library it bundles, whose own threads would otherwise stay at one per core whatever the benchmark asked.
 * {@code OMP_NUM_THREADS} sets the first two at start-up; {@link #use(int)} changes all three for the rest of the
 * run.
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
        Nd4j.factory().blas().setMaxThreads(threads);
        int effective = ops.ompGetMaxThreads();
        if (effective != threads) {
            LOG.warn("asked ND4J for {} threads, OpenMP reports {}", threads, effective);
        }
        return effective;
    }
}
