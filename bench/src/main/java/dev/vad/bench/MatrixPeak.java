package dev.vad.bench;

import java.util.List;
import java.util.function.LongSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine's practical peak: the best rate of ND4J's single-precision matrix product ({@code gemm}) of two
 * large square matrices, at the thread count asked. 2 n^3 floating-point operations per product of size n.
 */
public final class MatrixPeak {
    /** Sizes of the matrices multiplied. */
    public static final List<Integer> SIZES = List.of(1024, 2048);
    /** Timed products per size, after one untimed. */
    static final int REPEATS = 3;

    private final LongSupplier nanoTime;

    /** @param nanoTime the clock, {@code System::nanoTime} outside tests */
    public MatrixPeak(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The best GFLOP/s over {@link #REPEATS} products at each of {@code sizes}, on {@code threads} threads. */
    public double gflops(int threads, List<Integer> sizes) {
        NativeThreads.use(threads);
        double best = 0;
        for (int n : sizes) {
            try (INDArray a = Nd4j.rand(DataType.FLOAT, n, n); INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
                 INDArray c = Nd4j.createUninitialized(DataType.FLOAT, n, n)) {
                Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
                for (int r = 0; r < REPEATS; r++) {
                    long start = nanoTime.getAsLong();
                    Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
                    best = Math.max(best, 2.0 * n * n * n / Math.max(1, nanoTime.getAsLong() - start));
                }
            }
        }
        return best;
    }
}
