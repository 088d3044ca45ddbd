package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.SettingGroup;
import dev.vad.ingest.IngestSettings;
import dev.vad.ingest.source.FfmpegOptions;
import dev.vad.ingest.source.SourceException;
import dev.vad.ingest.source.SourceProbe;
import dev.vad.ingest.source.SourceUri;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vad probe}: what a source is, and its first frame as a PNG. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Open a source as ingest would and print its container, codec, size, frame rate and length;",
            "write its first frame as a PNG. The first check of a new camera URL or file."})
final class ProbeCommand implements Callable<Integer>, Configured {

    @Spec
    CommandSpec spec;

    @Override
    public List<SettingGroup> settingGroups() {
        return List.of(IngestSettings.SOURCE_OPENING);
    }

    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "Video file, image folder, http(s)://, tcp://, udp://, rtsp:// or v4l2:/dev/videoN.")
    String source;

    @Option(names = "--png", paramLabel = "FILE", description = "Where the first frame goes (default probe.png).")
    Path png = Path.of("probe.png");

    @Override
    public Integer call() {
        ConfigReader config = ServiceConfig.of(spec);
        FfmpegOptions options = IngestSettings.ffmpegOptions(config);
        SourceUri uri = null;
        try {
            uri = SourceUri.parse(source);
        } catch (IllegalArgumentException e) {
            config.problem("source", "'" + SourceUri.redact(source) + "'", "a supported source ("
                    + SourceUri.redact(e.getMessage()) + ")");
        }
        config.validate();

        SourceProbe.Report report;
        try {
            report = SourceProbe.probe(uri, options);
        } catch (SourceException e) {
            spec.commandLine().getErr().println("vad probe: " + e.getMessage());
            return 1;
        }
        write(report);
        print(report, spec.commandLine().getOut());
        return 0;
    }

    private void write(SourceProbe.Report report) {
        try {
            Path parent = png.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (!ImageIO.write(report.firstFrame(), "png", png.toFile())) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        }
    }

    private void print(SourceProbe.Report r, PrintWriter out) {
        out.println("source       " + r.source());
        out.println("container    " + r.container());
        out.println("codec        " + r.codec() + " (" + r.pixelFormat() + ")");
        out.printf(Locale.ROOT, "size         %dx%d, aspect %.2f%n", r.width(), r.height(),
                (double) r.width() / r.height());
        out.printf(Locale.ROOT, "fps          %.2f%n", r.fps());
        if (r.durationMicros() > 0) {
            out.printf(Locale.ROOT, "length       %.1f s, %d frames%n", r.durationMicros() / 1e6, r.frames());
        } else {
            out.println("length       not stated (live streams have none)");
        }
        out.println("first frame  " + png);
        out.println("ingest scales frames to --width x --height (default 64x64); --aspect letterbox|crop keeps"
                + " the aspect ratio");
        out.flush();
    }
}
