package dev.vad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's file system on this machine: each mount target moves to a directory here (a named volume to one
 * directory per volume, shared by the services that mount it, as Compose shares it; a bind mount to its source
 * in the checkout), and the container's home (the image's WORKDIR) to a directory of the service's own.
 */
final class ContainerPaths {

    private final Map<String, Path> moved;

    private ContainerPaths(Map<String, Path> moved) {
        this.moved = moved;
    }

    /**
     * @param volumes  where named volumes live here, one subdirectory each (created)
     * @param home     where the container's home is here, or null for a container without one (created)
     * @param replaced bind-mount sources the test replaces (the Prometheus config with its targets on loopback)
     */
    static ContainerPaths of(ComposeService service, Path volumes, String workdir, Path home,
                             Map<Path, Path> replaced) throws IOException {
        Map<String, Path> moved = new LinkedHashMap<>();
        service.mounts().stream().sorted(Comparator.comparingInt((ComposeService.Mount m) -> m.target().length())
                .reversed()).forEach(mount -> {
                    Path source = mount.named() ? volumes.resolve(mount.source()) : Path.of(mount.source());
                    moved.put(mount.target(), replaced.getOrDefault(source, source));
                });
        for (ComposeService.Mount mount : service.mounts()) {
            if (mount.named()) {
                Files.createDirectories(volumes.resolve(mount.source()));
            }
        }
        if (home != null) {
            Files.createDirectories(home);
            moved.putIfAbsent(workdir, home);
        }
        return new ContainerPaths(moved);
    }

    /** Text with each container path (a whole word, or after {@code =}) replaced by where it is here. */
    String resolve(String text) {
        for (Map.Entry<String, Path> entry : moved.entrySet()) {
            Pattern path = Pattern.compile("(?<![^\\s=])" + Pattern.quote(entry.getKey()) + "(?![^/\\s])");
            text = path.matcher(text).replaceAll(Matcher.quoteReplacement(entry.getValue().toString()));
        }
        return text;
    }
}
