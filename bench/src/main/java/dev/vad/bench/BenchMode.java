package dev.vad.bench;

import java.util.Locale;

/** What a model benchmark times: training steps ({@code fit}) or inference ({@code reconstruct}). */
public enum BenchMode {
    TRAIN,
    INFER;

    /** The lower-case name used on the command line and in output lines ({@code train}, {@code infer}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named {@code id}, case-insensitive; fails naming the known ones. */
    public static BenchMode fromId(String id) {
        for (BenchMode m : values()) {
            if (m.id().equalsIgnoreCase(id.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown benchmark mode '" + id + "', expected train or infer");
    }
}
