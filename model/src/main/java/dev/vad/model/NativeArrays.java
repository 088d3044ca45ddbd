package dev.vad.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Frees arrays' native memory as soon as they are done with. ND4J arrays live outside the Java heap, which the
 * garbage collector does not see filling up: a loop that leaves its temporaries to the collector grows its resident
 * memory for a long time before a collection happens to free them.
 */
public final class NativeArrays {

    private NativeArrays() {
    }

    /** Closes each array that owns its buffer and is still open; views, nulls and repeats are passed over. */
    public static void release(INDArray... arrays) {
        for (INDArray array : arrays) {
            releaseOne(array);
        }
    }

    public static void release(Iterable<INDArray> arrays) {
        for (INDArray array : arrays) {
            releaseOne(array);
        }
    }

    private static void releaseOne(INDArray array) {
        if (array != null && !array.wasClosed() && array.closeable()) {
            array.close();
        }
    }
}
