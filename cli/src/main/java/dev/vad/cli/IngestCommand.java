package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.SettingGroup;
import dev.vad.ingest.IngestService;
import dev.vad.ingest.IngestSettings;
import dev.vad.ingest.StreamResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vad ingest}: decode sources and publish frame windows. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Decode video and image sources and publish frame windows to Kafka.",
            "Files and folders end when read; live streams run until Ctrl-C."})
final class IngestCommand implements Callable<Integer>, Configured {

    @Spec
    CommandSpec spec;

    @Override
    public List<SettingGroup> settingGroups() {
        return ServiceOptions.GROUPS;
    }

    @Option(names = "--source", paramLabel = "URI",
            description = {"Video file, image folder, http(s)://, tcp://, udp://, rtsp://, v4l2:/dev/videoN or",
                "synthetic:[?seed=N&fps=F&frames=N...]; repeatable (env VAD_SOURCE, space-separated)."})
    List<String> sources = new ArrayList<>();

    @Option(names = "--stream-id", paramLabel = "ID",
            description = "Stream id of each source, in order (default: derived from the source).")
    List<String> streamIds = new ArrayList<>();

    @Option(names = "--width", paramLabel = "PX", description = "Frame width (default 64).")
    String width;

    @Option(names = "--height", paramLabel = "PX", description = "Frame height (default 64).")
    String height;

    @Option(names = "--colour", paramLabel = "grey|rgb", description = "Frame colour (default grey).")
    String colour;

    @Option(names = "--aspect", paramLabel = "stretch|letterbox|crop",
            description = "Fitting other aspect ratios (default stretch).")
    String aspect;

    @Option(names = "--window-frames", paramLabel = "T", description = "Frames per window (default 8).")
    String windowFrames;

    @Option(names = "--stride-frames", paramLabel = "S",
            description = "Frames between window starts, at most T (default T: no overlap).")
    String strideFrames;

    @Option(names = "--tail", paramLabel = "full|partial|drop",
            description = "The frames after the last window of a file (default full: one more window of the last T).")
    String tail;

    @Option(names = "--realtime", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "Pace files at their native frame rate (default false: as fast as possible).")
    String realtime;

    @Option(names = "--loop", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "Start files again at their end (default false).")
    String loop;

    @Mixin
    SourceOpeningOptions sourceOpening;

    @Option(names = "--reconnect-initial", paramLabel = "DURATION",
            description = "First wait before reconnecting a dropped live stream (default 500ms; doubles, with jitter).")
    String reconnectInitial;

    @Option(names = "--reconnect-max", paramLabel = "DURATION", description = "Longest wait between attempts (default 30s).")
    String reconnectMax;

    @Option(names = "--connect-attempts", paramLabel = "N",
            description = "Tries to open a live source at start, with backoff, before failing (default 3).")
    String connectAttempts;

    @Option(names = "--max-reconnects", paramLabel = "N",
            description = "Attempts without a frame before a live stream is given up; -1 never (default -1).")
    String maxReconnects;

    @Option(names = "--max-decode-errors", paramLabel = "N",
            description = "Undecodable frames in a row before a file is given up (default 25).")
    String maxDecodeErrors;

    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() throws InterruptedException {
        ConfigReader config = ServiceConfig.of(spec);
        IngestSettings settings = IngestSettings.load(config, sources, streamIds, options.kafka.properties, true);
        config.validate();

        ExecutorService streams = Executors.newFixedThreadPool(settings.streams().size());
        try (ServiceHost host = ServiceHost.open("ingest", settings.kafka(),
                settings.topicSettings().frameMaxMessageBytes(), settings.metrics());
             IngestService service = IngestService.start(settings, host.clients(), host.registry(), Clock.systemUTC(),
                     streams, System.nanoTime())) {
            host.onShutdown(service::close);
            PrintWriter out = spec.commandLine().getOut();
            host.announceMetrics(out, "");
            return report(service.awaitCompletion(), out);
        } finally {
            streams.shutdownNow();
        }
    }

    private int report(List<StreamResult> results, PrintWriter out) {
        boolean failed = false;
        for (StreamResult r : results) {
            out.println(r.streamId() + ": " + r.framesDecoded() + " frames, " + r.windowsPublished() + " windows"
                    + (r.failed() ? ", failed: " + r.failure() : ""));
            failed |= r.failed();
        }
        out.flush();
        results.stream().filter(StreamResult::failed).forEach(r ->
                spec.commandLine().getErr().println("vad ingest: stream " + r.streamId() + ": " + r.failure()));
        return failed ? 1 : 0;
    }
}
