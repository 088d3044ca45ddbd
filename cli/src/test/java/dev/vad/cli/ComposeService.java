package dev.vad.cli;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of the resolved compose file: what its container runs and with what.
 *
 * @param name          the service (also its host name on the stack's network)
 * @param image         image reference ({@code vad:local})
 * @param command       the command passed to the image's entrypoint
 * @param environment   the service's environment (without the image's own ENV)
 * @param publishedPorts container ports the service publishes on the host
 * @param mounts        volumes and bind mounts
 * @param healthcheck   the healthcheck's test ({@code CMD curl -fsS http://localhost:9401/health}); empty without
 * @param healthPatience how long Compose waits before it calls the service unhealthy: the start period, then
 *                      {@code retries} failed checks {@code interval} apart
 * @param memLimitBytes the container's memory limit, 0 without one
 * @param cpus          the container's CPU quota, 0 without one
 * @param stopGrace     how long {@code docker compose stop} waits after SIGTERM before it kills
 * @param profiles      the profiles that start the service ({@code docker compose --profile notify up}); empty for
 *                      a service that {@code docker compose up} always starts
 */
record ComposeService(String name, String image, List<String> command, Map<String, String> environment,
                      List<Integer> publishedPorts, List<Mount> mounts, List<String> healthcheck,
                      Duration healthPatience, long memLimitBytes, double cpus, Duration stopGrace,
                      List<String> profiles) {

    /**
     * A volume or bind mount.
     *
     * @param source a named volume's name, or the absolute host path of a bind mount
     * @param target the path in the container
     */
    record Mount(String source, String target, boolean named) {
    }

    /** The URL the healthcheck asks (the first {@code http://} argument of its test), if it asks one. */
    Optional<URI> healthcheckUrl() {
        return healthcheck.stream().filter(arg -> arg.startsWith("http://") || arg.startsWith("https://"))
                .findFirst().map(URI::create);
    }

    /** The value after {@code flag} in the command, if the command has it. */
    Optional<String> argument(String flag) {
        int at = command.indexOf(flag);
        return at < 0 || at + 1 >= command.size() ? Optional.empty() : Optional.of(command.get(at + 1));
    }
}
