package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.SettingGroup;
import dev.vad.ingest.IngestService;
import dev.vad.ingest.IngestSettings;
import dev.vad.ingest.StreamResult;
import dev.vad.ingest.cameras.CameraFollower;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vad ingest}: decode sources and publish frame windows. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Decode video and image sources and publish frame windows to Kafka.",
            "Files and folders end when read; live streams run until Ctrl-C.",
            "With --follow-cameras, reads the cameras of the registry (vad camera) until Ctrl-C."})
final class IngestCommand implements Callable<Integer>, Configured {

    @Spec
    CommandSpec spec;

    @Override
    public List<SettingGroup> settingGroups() {
        return Stream.concat(Stream.of(IngestSettings.SETTINGS, IngestSettings.SOURCE_OPENING),
                ServiceOptions.GROUPS.stream()).toList();
    }

    @Option(names = "--source", paramLabel = "URI",
            description = {"Video file, image folder, http(s)://, tcp://, udp://, rtsp://, v4l2:/dev/videoN or",
                "synthetic:[?seed=N&fps=F&frames=N...]; repeatable (env VAD_SOURCE, space-separated)."})
    List<String> sources = new ArrayList<>();

    @Option(names = "--stream-id", paramLabel = "ID",
            description = "Stream id of each source, in order (default: derived from the source).")
    List<String> streamIds = new ArrayList<>();

    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() throws InterruptedException {
        ConfigReader config = ServiceConfig.of(spec);
        IngestSettings settings = IngestSettings.load(config, sources, streamIds, options.kafka.properties, true);
        config.validate();

        ExecutorService streams = settings.followsCameras() ? Executors.newCachedThreadPool()
                : Executors.newFixedThreadPool(settings.streams().size());
        try (ServiceHost host = ServiceHost.open("ingest", settings.kafka(),
                settings.topicSettings().frameMaxMessageBytes(), settings.metrics());
             IngestService service = IngestService.start(settings, host.clients(), host.registry(), Clock.systemUTC(),
                     streams, System.nanoTime())) {
            PrintWriter out = spec.commandLine().getOut();
            if (settings.followsCameras()) {
                return follow(settings, host, service, out);
            }
            host.onShutdown(service::close);
            host.announceMetrics(out, "");
            return report(service.awaitCompletion(), out);
        } finally {
            streams.shutdownNow();
        }
    }

    /** Runs the registry's cameras this instance owns until Ctrl-C or SIGTERM. */
    private static int follow(IngestSettings settings, ServiceHost host, IngestService service, PrintWriter out)
            throws InterruptedException {
        CameraFollower follower = CameraFollower.open(settings, host.clients(), service, host.registry(),
                Clock.systemUTC());
        host.onShutdown(follower::close);
        host.announceMetrics(out, "");
        out.println("following the cameras of " + settings.topics().cameras() + " in group "
                + settings.following().groupId());
        out.flush();
        follower.run();
        return 0;
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
