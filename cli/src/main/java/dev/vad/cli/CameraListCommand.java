package dev.vad.cli;

import dev.vad.common.camera.CameraTable;
import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.kafka.CameraRegistry;
import dev.vad.common.wire.Camera;
import dev.vad.common.wire.CameraColour;
import dev.vad.ingest.source.SourceUri;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vad camera list}: the cameras the registry holds now, credentials in sources redacted. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the cameras the registry holds (read to its end), one line each, with passwords in"
            + " source URIs shown as ***. Records that are not readable cameras are reported on stderr and"
            + " skipped."})
final class CameraListCommand implements Callable<Integer>, Configured {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Override
    public List<SettingGroup> settingGroups() {
        return CameraCommand.KAFKA_GROUPS;
    }

    @Override
    public Integer call() {
        ConfigReader config = ServiceConfig.of(spec);
        CameraSession.Settings settings = CameraSession.Settings.load(config, kafka.properties);
        config.validate();
        try (CameraSession session = CameraSession.open(settings)) {
            CameraRegistry.Snapshot snapshot = session.registry().read(session.timeout());
            PrintWriter err = spec.commandLine().getErr();
            for (CameraTable.Skipped s : snapshot.skipped()) {
                err.println("skipped the record at partition " + s.partition() + " offset " + s.offset()
                        + (s.key() == null ? "" : " (camera " + s.key() + ")") + ": " + SourceUri.redact(s.reason()));
            }
            PrintWriter out = spec.commandLine().getOut();
            snapshot.cameras().values().forEach(camera -> out.println(line(camera)));
            out.println(snapshot.cameras().size() + (snapshot.cameras().size() == 1 ? " camera" : " cameras")
                    + (snapshot.skipped().isEmpty() ? "" : ", " + snapshot.skipped().size() + " records skipped"));
        }
        return 0;
    }

    /** One camera as a line: id, state, frame, window, rate, preset, threshold, masks, redacted source. */
    static String line(Camera c) {
        return c.cameraId() + " " + (c.enabled() ? "enabled" : "disabled") + " " + c.width() + "x" + c.height()
                + " " + (c.colour() == CameraColour.RGB ? "rgb" : "grey") + " window=" + c.windowFrames()
                + " fps=" + (c.fps() == null ? "source" : number(c.fps()))
                + " preset=" + (c.preset() == null ? "trainer" : c.preset())
                + " threshold=" + (c.threshold() == null ? "scorer" : number(c.threshold()))
                + " masks=" + c.ignoreMasks().size() + " source=" + SourceUri.redact(c.source());
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
