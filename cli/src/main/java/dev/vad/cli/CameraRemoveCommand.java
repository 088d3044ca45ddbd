package dev.vad.cli;

import dev.vad.common.config.ConfigException;
import dev.vad.common.config.ConfigProblem;
import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.SettingGroup;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vad camera remove}: a tombstone for the camera, which compaction then drops. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Remove the camera --camera-id: writes a tombstone (a null value) under its id. An id the"
            + " registry does not hold is refused."})
final class CameraRemoveCommand implements Callable<Integer>, Configured {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Override
    public List<SettingGroup> settingGroups() {
        return Stream.concat(Stream.of(CameraFields.ID),
                CameraCommand.KAFKA_GROUPS.stream()).toList();
    }

    @Override
    public Integer call() {
        ConfigReader config = ServiceConfig.of(spec);
        CameraSession.Settings settings = CameraSession.Settings.load(config, kafka.properties);
        String id = CameraFields.cameraId(config);
        config.validate();
        try (CameraSession session = CameraSession.open(settings)) {
            if (!session.registry().read(session.timeout()).cameras().containsKey(id)) {
                throw new ConfigException(List.of(new ConfigProblem("camera " + id, "not in the registry",
                        "a camera in the registry (vad camera list shows them)")));
            }
            session.registry().remove(id, session.timeout());
            spec.commandLine().getOut().println("removed camera " + id);
        }
        return 0;
    }
}
