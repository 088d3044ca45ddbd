package dev.vad.cli;

import dev.vad.common.config.ConfigException;
import dev.vad.common.config.ConfigProblem;
import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.kafka.CameraRegistry;
import dev.vad.common.wire.Camera;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vad camera add} and {@code update}: one camera from the flags, or every camera of a {@code --cameras}
 * file. Nothing is written unless every camera is valid and, for {@code add}, new or, for {@code update}, known.
 */
abstract class CameraWriteCommand implements Callable<Integer>, Configured {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    /** True for {@code add}: refuse an id the registry holds; false for {@code update}: refuse one it lacks. */
    abstract boolean adds();

    @Override
    public List<SettingGroup> settingGroups() {
        return Stream.concat(Stream.of(CameraFields.ID, CameraFields.SETTINGS, SettingGroup.of("camera file",
                CameraCommand.CAMERAS_FILE).readFromFlagsOnly()), CameraCommand.KAFKA_GROUPS.stream()).toList();
    }

    @Override
    public Integer call() {
        ConfigReader config = ServiceConfig.of(spec);
        CameraSession.Settings settings = CameraSession.Settings.load(config, kafka.properties);
        List<ConfigProblem> problems = new ArrayList<>();
        String id = CameraCommand.CAMERAS_FILE.given(config) ? null : CameraFields.cameraId(config);
        List<Camera> given = given(config, id, problems);
        refuse(config, problems);
        try (CameraSession session = CameraSession.open(settings)) {
            CameraRegistry registry = session.registry();
            Map<String, Camera> current = registry.read(session.timeout()).cameras();
            List<Camera> cameras = given != null ? given : updated(config, current, id, problems);
            for (Camera camera : cameras) {
                boolean known = current.containsKey(camera.cameraId());
                if (known == adds()) {
                    problems.add(membership(camera.cameraId(), known));
                }
            }
            refuse(config, problems);
            for (Camera camera : cameras) {
                registry.put(camera, session.timeout());
                spec.commandLine().getOut().println((adds() ? "added" : "updated") + " camera "
                        + camera.cameraId());
            }
        }
        return 0;
    }

    /**
     * The cameras known before the registry is read, checked: those of the {@code --cameras} file, or {@code add}'s
     * camera from the flags; null for {@code update} from the flags, which starts from the registry's record.
     */
    private List<Camera> given(ConfigReader config, String id, List<ConfigProblem> problems) {
        List<Camera> cameras;
        if (CameraCommand.CAMERAS_FILE.given(config)) {
            if (CameraFields.CAMERA_ID.given(config) || CameraFields.anyGiven(config)) {
                config.problem(CameraCommand.CAMERAS_FILE.key(), config.found(CameraCommand.CAMERAS_FILE.key())
                        + " with camera flags", "either --cameras or the camera flags, not both");
            }
            String file = CameraCommand.CAMERAS_FILE.from(config);
            cameras = CameraFile.read(Path.of(file), "--cameras " + file, problems);
            problems.addAll(repeated(cameras));
        } else if (adds() && id != null) {
            cameras = List.of(CameraFields.create(config, id));
        } else {
            return adds() ? List.of() : null;
        }
        cameras.forEach(camera -> problems.addAll(CameraCheck.problems(camera)));
        return cameras;
    }

    private static List<Camera> updated(ConfigReader config, Map<String, Camera> current, String id,
                                        List<ConfigProblem> problems) {
        Camera existing = current.get(id);
        if (existing == null) {
            problems.add(membership(id, false));
            return List.of();
        }
        Camera camera = CameraFields.over(config, existing);
        problems.addAll(CameraCheck.problems(camera));
        return List.of(camera);
    }

    /** A camera id that a file gives more than once. */
    private static List<ConfigProblem> repeated(List<Camera> cameras) {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new TreeSet<>();
        cameras.forEach(camera -> {
            if (!seen.add(camera.cameraId())) {
                twice.add(camera.cameraId());
            }
        });
        return twice.stream().map(id -> new ConfigProblem("camera " + id, "more than once in --cameras",
                "each camera once")).toList();
    }

    private static ConfigProblem membership(String id, boolean known) {
        return new ConfigProblem("camera " + id, known ? "in the registry" : "not in the registry",
                known ? "a new camera id (vad camera update changes one)"
                        : "a camera in the registry (vad camera add adds one)");
    }

    private static void refuse(ConfigReader config, List<ConfigProblem> problems) {
        List<ConfigProblem> all = new ArrayList<>(config.problems());
        all.addAll(problems);
        if (!all.isEmpty()) {
            throw new ConfigException(all);
        }
    }
}
