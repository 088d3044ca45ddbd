package dev.vad.cli;

import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.config.TopicNames;
import dev.vad.common.config.TopicSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vad camera}: the camera registry, a compacted topic keyed by camera id. */
@Command(name = "camera", mixinStandardHelpOptions = true,
        description = {"Manage the camera registry (the compacted topic vad.cameras, keyed by camera id):"
            + " add, update, remove and list cameras.", "See docs/cameras.md."},
        subcommands = {CameraAddCommand.class, CameraUpdateCommand.class, CameraRemoveCommand.class,
            CameraListCommand.class})
final class CameraCommand implements Callable<Integer> {

    static final Setting<String> CAMERAS_FILE = Setting.text("cameras", "FILE", null,
            "A JSON file of camera records to write instead of the camera flags").defaultText("none")
            .accepts("a JSON array of cameras (docs/cameras.md)");
    static final Setting<Duration> TIMEOUT = Setting.positiveDuration("registry-timeout", Duration.ofSeconds(30),
            "How long to wait to read the registry to its end or for a write to be acknowledged");

    /** How the registry is reached. */
    static final SettingGroup REGISTRY = SettingGroup.of("camera registry", TIMEOUT);

    /** What every camera subcommand takes besides its own settings. */
    static final List<SettingGroup> KAFKA_GROUPS = List.of(REGISTRY, KafkaSettings.SETTINGS, TopicSettings.SETTINGS,
            TopicNames.SETTINGS);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
