package dev.vad.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Fields of a Linux {@code /proc/<pid>/status} file: resident memory. */
final class ProcStatus {
    /** This process's status file. */
    static final Path SELF = Path.of("/proc/self/status");

    private final Path file;

    ProcStatus(Path file) {
        this.file = file;
    }

    /** {@code VmRSS} in bytes. */
    long residentBytes() {
        return Long.parseLong(field("VmRSS:").split("\\s+")[0]) * 1024;
    }

    private String field(String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (Linux only)", e);
        }
        return lines.stream().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> l.substring(name.length()).trim())
                .orElseThrow(() -> new IllegalStateException(file + " has no " + name + " line"));
    }
}
