package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.ingest.IngestSettings;
import dev.vad.notifier.NotifierSettings;
import dev.vad.scorer.ScorerSettings;
import dev.vad.scorer.viewer.ViewerSettings;
import dev.vad.trainer.TrainerSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports a vad command listens on inside its container, each under the setting that moves it: the command's
 * default, or what the service's environment sets. The stand-in moves each through that same setting's
 * environment variable, so a flag in the command that sets it would win and is refused. A command not listed
 * here (a new one, or a typo that vad rejects) listens on none.
 */
final class ListeningPorts {

    private static final Map<String, Map<String, Integer>> DEFAULTS = Map.of(
            "ingest", Map.of("metrics-port", IngestSettings.DEFAULT_METRICS_PORT),
            "train", Map.of("metrics-port", TrainerSettings.DEFAULT_METRICS_PORT),
            "score", Map.of("metrics-port", ScorerSettings.DEFAULT_METRICS_PORT,
                    "viewer-port", ViewerSettings.DEFAULT_PORT),
            "notify", Map.of("metrics-port", NotifierSettings.DEFAULT_METRICS_PORT));

    private ListeningPorts() {
    }

    /** Environment variable ({@code VAD_METRICS_PORT}) to container port; ports turned off or left to chance are not there. */
    static Map<String, Integer> of(ComposeService service) {
        String command = service.command().isEmpty() ? "" : service.command().get(0);
        Map<String, Integer> defaults = DEFAULTS.getOrDefault(command, Map.of());
        Map<String, Integer> ports = new LinkedHashMap<>();
        defaults.forEach((key, port) -> {
            if (service.command().contains("--" + key)) {
                throw new AssertionError(service.name() + " sets --" + key + " in its command; set "
                        + ConfigReader.environmentName(key) + " in its environment instead (the stack test moves"
                        + " ports through it)");
            }
            String variable = ConfigReader.environmentName(key);
            int container = Integer.parseInt(service.environment().getOrDefault(variable, port.toString()).trim());
            if (container > 0) {
                ports.put(variable, container);
            }
        });
        return ports;
    }
}
