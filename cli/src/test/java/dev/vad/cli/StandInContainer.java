package dev.vad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compose service built from the vad image, run as a process on this machine the way its container runs it:
 * the image's own entrypoint script ({@code docker/vad}, with the image's paths moved to the checkout's build),
 * the image's ENV under the service's environment, the service's command, its host names and ports moved onto
 * the {@link LoopbackNetwork}, its mounts onto directories here ({@link ContainerPaths}), its home as working
 * directory, and the container's memory and CPU limits told to the JVM.
 */
final class StandInContainer {

    private StandInContainer() {
    }

    /**
     * @param network where the stack's services are; this service's {@link ListeningPorts} already published
     * @param volumes where the named volumes live here
     * @param work    a directory for this service's home and launcher
     */
    static VadProcess start(ComposeService service, VadImage image, LoopbackNetwork network, Path volumes,
                            Path work) throws IOException {
        Path home = work.resolve("home");
        ContainerPaths paths = ContainerPaths.of(service, volumes, image.workdir(), home, Map.of());
        Path launcher = work.resolve("entrypoint");
        Files.writeString(launcher, image.onThisMachine(Files.readString(image.entrypointScript())));
        launcher.toFile().setExecutable(true);

        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        for (String arg : service.command()) {
            command.add(network.resolve(paths.resolve(arg)));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        env.put("PATH", javaBin + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.putAll(image.environment());
        env.putAll(service.environment());
        env.replaceAll((key, value) -> network.resolve(paths.resolve(value)));
        ListeningPorts.of(service).forEach((variable, containerPort) -> {
            String address = network.address(service.name(), containerPort);
            env.put(variable, address.substring(address.lastIndexOf(':') + 1));
        });
        String limits = jvmLimits(service);
        if (!limits.isEmpty()) {
            env.put("JAVA_TOOL_OPTIONS", limits);
        }
        return VadProcess.start(builder);
    }

    /**
     * A JVM in a container sizes its heap from the container's memory limit (the image's
     * {@code -XX:MaxRAMPercentage=50} takes half of {@code mem_limit}) and counts the CPUs of its {@code cpus}
     * quota, rounded up; here it would see the whole machine. {@code -XX:MaxRAM} and
     * {@code -XX:ActiveProcessorCount} make it size itself as in the container. Approximate: nothing limits the
     * native memory (ND4J, FFmpeg) nor throttles the process to its quota, as the container's cgroup does.
     */
    static String jvmLimits(ComposeService service) {
        List<String> options = new ArrayList<>();
        if (service.memLimitBytes() > 0) {
            options.add("-XX:MaxRAM=" + service.memLimitBytes());
        }
        if (service.cpus() > 0) {
            options.add("-XX:ActiveProcessorCount=" + (int) Math.ceil(service.cpus()));
        }
        return String.join(" ", options);
    }
}
