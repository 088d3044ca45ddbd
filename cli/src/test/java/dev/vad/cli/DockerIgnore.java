package dev.vad.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code .dockerignore}: the paths of the build context that Docker never sends. A pattern excludes the paths it
 * matches and everything under them; {@code **} matches any number of directories, including none. Exceptions
 * ({@code !pattern}) are not supported and are refused, so a file that starts using them fails loudly.
 */
record DockerIgnore(List<PathMatcher> patterns) {

    static DockerIgnore read(Path file) throws IOException {
        List<PathMatcher> matchers = new ArrayList<>();
        if (!Files.exists(file)) {
            return new DockerIgnore(List.of());
        }
        for (String line : Files.readAllLines(file)) {
            String pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            if (pattern.startsWith("!")) {
                throw new IllegalArgumentException(file + ": exceptions (" + pattern + ") are not supported here");
            }
            pattern = pattern.replaceFirst("^/+", "");
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
            if (pattern.startsWith("**/")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
            }
        }
        return new DockerIgnore(List.copyOf(matchers));
    }

    /** Whether Docker leaves out this path, given relative to the context's root. */
    boolean excludes(Path relative) {
        for (Path path = relative; path != null; path = path.getParent()) {
            Path candidate = path;
            if (patterns.stream().anyMatch(p -> p.matches(candidate))) {
                return true;
            }
        }
        return false;
    }
}
