package dev.vad.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A bounded, uniform sample of everything offered so far (reservoir sampling): while a stream flows, every item
 * ever offered has the same chance of being in the buffer, and memory never exceeds the capacity. Pure; the
 * random source is an input so training stays reproducible.
 */
public final class ReplayBuffer<T> {

    private final int capacity;
    private final RandomGenerator random;
    private final List<T> items;
    private long offered;

    public ReplayBuffer(int capacity, RandomGenerator random) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a replay buffer holds at least one item, found capacity " + capacity);
        }
        this.capacity = capacity;
        this.random = random;
        this.items = new ArrayList<>(Math.min(capacity, 4096));
    }

    /** Offers an item; returns the one it replaced, or null. */
    public T offer(T item) {
        offered++;
        if (items.size() < capacity) {
            items.add(item);
            return null;
        }
        long slot = random.nextLong(offered);
        return slot < capacity ? items.set((int) slot, item) : item;
    }

    /** {@code n} items drawn uniformly with replacement, for one training batch. */
    public List<T> sample(int n) {
        if (items.isEmpty()) {
            throw new IllegalStateException("cannot sample an empty replay buffer; offer items first");
        }
        List<T> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(items.get(random.nextInt(items.size())));
        }
        return batch;
    }

    /** Everything held now, in slot order. */
    public List<T> contents() {
        return List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    public int capacity() {
        return capacity;
    }

    /** Items offered since the buffer was made. */
    public long offered() {
        return offered;
    }

    /** How full the buffer is, 0 to 1 (a metric). */
    public double fill() {
        return items.size() / (double) capacity;
    }
}
