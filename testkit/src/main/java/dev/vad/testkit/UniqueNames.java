package dev.vad.testkit;

import java.util.UUID;

/** Random topic and group names, so tests sharing one broker never see each other's records. */
public final class UniqueNames {

    private UniqueNames() {
    }

    public static String of(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
