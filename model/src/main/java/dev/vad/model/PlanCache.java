package dev.vad.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The most recently used {@link ExecutionPlan}s of one graph, by requested outputs and placeholder shapes; the least
 * recently used plan beyond the capacity is closed. A trainer's steps and a scorer's calls mostly repeat one batch
 * size, with a smaller last batch now and then, so a few plans serve them all. Confined to one thread.
 */
final class PlanCache implements AutoCloseable {
    private final int capacity;
    private final LinkedHashMap<Key, ExecutionPlan> plans = new LinkedHashMap<>(16, 0.75f, true);

    PlanCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, found " + capacity);
        }
        this.capacity = capacity;
    }

    /** The plan for {@code outputs} at the shapes of {@code feed}, run on {@code feed}; compiled if not held. */
    ExecutionPlan run(Collection<String> outputs, Map<String, INDArray> feed, Supplier<ExecutionPlan> compile) {
        Key key = Key.of(outputs, feed);
        ExecutionPlan plan = plans.get(key);
        if (plan != null) {
            plan.run(feed);
            return plan;
        }
        plan = compile.get();
        plans.put(key, plan);
        if (plans.size() > capacity) {
            Map.Entry<Key, ExecutionPlan> eldest = plans.entrySet().iterator().next();
            plans.remove(eldest.getKey());
            eldest.getValue().close();
        }
        return plan;
    }

    /** Number of plans held. */
    int size() {
        return plans.size();
    }

    @Override
    public void close() {
        plans.values().forEach(ExecutionPlan::close);
        plans.clear();
    }

    private record Key(List<String> outputs, Map<String, Shape> shapes) {
        static Key of(Collection<String> outputs, Map<String, INDArray> feed) {
            Map<String, Shape> shapes = new HashMap<>();
            feed.forEach((name, array) -> shapes.put(name,
                    new Shape(array.dataType(), Arrays.stream(array.shape()).boxed().toList())));
            return new Key(List.copyOf(outputs), shapes);
        }
    }

    private record Shape(DataType type, List<Long> lengths) {
    }
}
