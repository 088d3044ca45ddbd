package dev.vad.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.internal.memory.AbstractMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SameDiff session memory for training steps: it reuses the arrays of one step in the next, and frees what a step
 * no longer uses. SameDiff's gradient session hands some of the arrays it allocates back ({@link #release}) and
 * leaves others to the garbage collector (a compact 3D step at batch 32 left 46 arrays and 32 MB so, which piled up
 * between young collections and swung the resident memory by hundreds of megabytes within seconds). Here both kinds
 * go to a free list at the latest when the step ends ({@link #endStep()}; nothing of a step is used after it), and an
 * allocation takes a free array of the same type and length before asking for new memory: every step allocates
 * alike, so from the second step on almost nothing is allocated afresh. New native memory is dear: each large array
 * is mapped and zeroed page by page by the kernel on first use (a deep 3D step spent as long in the kernel as in its
 * own arithmetic). A free array that a whole step did not take is freed at that step's end, so the memory held is one
 * step's working set. Confined to the thread of its session.
 */
final class StepMemory extends AbstractMemoryMgr {
    private final Set<INDArray> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Size, Deque<Free>> free = new HashMap<>();
    private long step;
    private long fresh;

    @Override
    public INDArray allocate(boolean detached, DataType dataType, long... shape) {
        return allocate(dataType, shape, 'c');
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor descriptor) {
        return allocate(descriptor.dataType(), descriptor.getShape(), descriptor.getOrder());
    }

    @Override
    public void release(INDArray array) {
        if (open.remove(array)) {
            keep(array);
        }
    }

    /**
     * Ends a step: what it allocated and did not release becomes free, and a free array no allocation of this step
     * took is freed. Returns how many arrays the step had left open.
     */
    int endStep() {
        int left = open.size();
        for (INDArray array : open) {
            keep(array);
        }
        open.clear();
        for (Deque<Free> arrays : free.values()) {
            arrays.removeIf(f -> {
                boolean idle = f.since() < step;
                if (idle) {
                    NativeArrays.release(f.array());
                }
                return idle;
            });
        }
        free.values().removeIf(Deque::isEmpty);
        step++;
        return left;
    }

    /** Number of arrays allocated and neither released nor left at the end of a step. */
    int openArrays() {
        return open.size();
    }

    /** Number of arrays free for reuse. */
    int freeArrays() {
        return free.values().stream().mapToInt(Deque::size).sum();
    }

    /** Number of allocations so far that took new memory rather than a free array. */
    long freshAllocations() {
        return fresh;
    }

    @Override
    public void close() {
        List<INDArray> all = new ArrayList<>(open);
        free.values().forEach(arrays -> arrays.forEach(f -> all.add(f.array())));
        open.clear();
        free.clear();
        NativeArrays.release(all);
    }

    private INDArray allocate(DataType dataType, long[] shape, char order) {
        Deque<Free> candidates = free.get(new Size(dataType, length(shape)));
        while (candidates != null && !candidates.isEmpty()) {
            INDArray array = candidates.pollLast().array();
            if (!array.wasClosed()) {
                INDArray shaped = Nd4j.create(array.data(), shape, Nd4j.getStrides(shape, order), 0, order, dataType);
                open.add(shaped);
                return shaped;
            }
        }
        fresh++;
        INDArray array = Nd4j.createUninitialized(dataType, shape, order);
        open.add(array);
        return array;
    }

    private void keep(INDArray array) {
        if (!array.wasClosed() && !array.isEmpty()) {
            free.computeIfAbsent(new Size(array.dataType(), array.data().length()), s -> new ArrayDeque<>())
                    .addLast(new Free(array, step));
        }
    }

    private static long length(long[] shape) {
        long length = 1;
        for (long l : shape) {
            length *= l;
        }
        return length;
    }

    private record Size(DataType dataType, long length) {
    }

    private record Free(INDArray array, long since) {
    }
}
