package dev.vad.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arrays of one {@link ExecutionPlan}: an array given back serves the next request of the same type and length
 * (under the shape asked for), so ops whose results are not needed at the same time share memory. Every buffer lives
 * until {@link #close()}. Confined to one thread.
 */
final class ArrayPool implements AutoCloseable {
    private final List<INDArray> buffers = new ArrayList<>();
    private final Map<Size, Deque<INDArray>> free = new HashMap<>();

    /** A C-order array of {@code shape}, uninitialised: a free one of the same type and length, or a new one. */
    INDArray take(DataType type, long[] shape) {
        Deque<INDArray> candidates = free.get(new Size(type, length(shape)));
        if (candidates != null && !candidates.isEmpty()) {
            INDArray array = candidates.pop();
            return Nd4j.create(array.data(), shape, Nd4j.getStrides(shape, 'c'), 0, 'c', type);
        }
        INDArray array = Nd4j.createUninitialized(type, shape, 'c');
        buffers.add(array);
        return array;
    }

    /** Makes an array from {@link #take} free for the next request; its values may be overwritten from now on. */
    void giveBack(INDArray array) {
        free.computeIfAbsent(new Size(array.dataType(), array.length()), s -> new ArrayDeque<>()).push(array);
    }

    /** Number of buffers allocated. */
    int buffers() {
        return buffers.size();
    }

    @Override
    public void close() {
        free.clear();
        NativeArrays.release(buffers);
        buffers.clear();
    }

    private static long length(long[] shape) {
        long length = 1;
        for (long l : shape) {
            length *= l;
        }
        return length;
    }

    private record Size(DataType type, long length) {
    }
}
