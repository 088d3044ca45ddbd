package dev.vad.bench;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.TopicProvisioner;
import dev.vad.common.kafka.TopicSpec;
import dev.vad.ingest.IngestService;
import dev.vad.ingest.IngestSettings;
import dev.vad.ingest.StreamResult;
import dev.vad.ingest.source.DecodedFrame;
import dev.vad.ingest.source.FfmpegSource;
import dev.vad.ingest.source.SourceException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code vad bench ingest}: decode, scale, window and publish a whole file to a real broker as fast as possible,
 * and in the same run time the ffmpeg command line doing the same decode and scale to raw video. After one
 * untimed warm-up run, each side runs {@code repeats} times; medians are reported.
 */
public final class IngestBenchmark {

    private final String source;
    private final int width;
    private final int height;
    private final String bootstrapServers;
    private final PrintWriter out;

    private final int repeats;

    public IngestBenchmark(String source, int width, int height, String bootstrapServers, int repeats,
                           PrintWriter out) {
        this.source = source;
        this.repeats = repeats;
        this.width = width;
        this.height = height;
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    public int run() throws Exception {
        Map<String, String> flags = new HashMap<>(Map.of("width", Integer.toString(width),
                "height", Integer.toString(height), "topic-frames", "vad.bench." + UUID.randomUUID(),
                "topic-partitions", "1", "metrics-port", "-1"));
        try (BenchBroker broker = new BenchBroker(bootstrapServers)) {
            flags.put("bootstrap-servers", broker.bootstrapServers());
            ConfigReader config = new ConfigReader(flags, System.getenv());
            IngestSettings settings = IngestSettings.load(config, List.of(source), List.of("bench"), List.of(), true);
            config.validate();
            out.println("bench=ingest source=" + source + " size=" + width + "x" + height + " colour=grey broker="
                    + broker.shown());
            Timed warmUp = ingest(settings.withFramesTopic(settings.topics().frames() + ".warm-up"));
            double[] ingestFps = new double[repeats];
            double[] decodeFps = new double[repeats];
            double[] ffmpegFps = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                Timed run = ingest(settings.withFramesTopic(settings.topics().frames() + "." + i));
                ingestFps[i] = run.framesDecoded() / run.seconds();
                decodeFps[i] = decodeOnly(settings);
                ffmpegFps[i] = ffmpeg(run.framesDecoded());
                if (ffmpegFps[i] <= 0) {
                    out.println("ffmpeg_fps=skipped (the ffmpeg command is not installed: apt-get install ffmpeg)");
                    return 1;
                }
            }
            out.printf("frames=%d%nwindows=%d%nruns=%d (medians after one warm-up run)%n", warmUp.framesDecoded(),
                    warmUp.windowsPublished(), repeats);
            out.printf("ingest_fps=%.1f%njavacv_decode_fps=%.1f%nffmpeg_fps=%.1f%nratio=%.2f%n", median(ingestFps),
                    median(decodeFps), median(ffmpegFps), median(ingestFps) / median(ffmpegFps));
            return 0;
        } finally {
            out.flush();
        }
    }

    /** Ingests the file once; the time runs from the service's start (topics in place) to the last acknowledgement. */
    private Timed ingest(IngestSettings settings) throws InterruptedException {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (KafkaClients clients = new KafkaClients(settings.kafka(), registry,
                settings.topicSettings().frameMaxMessageBytes())) {
            try (Admin admin = clients.admin("vad-bench-admin")) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(
                        TopicSpec.pipeline(settings.topics(), settings.topicSettings()), true);
            }
            long start = System.nanoTime();
            StreamResult result;
            try (IngestService service = IngestService.start(settings, clients, registry, Clock.systemUTC(), executor,
                    1)) {
                result = service.awaitCompletion().get(0);
            }
            if (result.failed()) {
                throw new IllegalStateException(result.failure());
            }
            return new Timed(result.framesDecoded(), result.windowsPublished(), (System.nanoTime() - start) / 1e9);
        } finally {
            executor.shutdownNow();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private record Timed(long framesDecoded, long windowsPublished, double seconds) {
    }

    /** Frames per second of JavaCV decoding and scaling alone (also warms the natives up before timing). */
    private double decodeOnly(IngestSettings settings) throws SourceException {
        long frames = 0;
        long start = System.nanoTime();
        try (FfmpegSource decoder = new FfmpegSource(settings.streams().get(0).source(), settings.geometry(),
                settings.ffmpeg(), Clock.systemUTC())) {
            decoder.open();
            for (DecodedFrame f = decoder.next(); f != null; f = decoder.next()) {
                frames++;
            }
        }
        return frames / ((System.nanoTime() - start) / 1e9);
    }

    /** Frames per second of {@code ffmpeg -i FILE -vf scale=WxH -pix_fmt gray -f rawvideo /dev/null}, or 0. */
    private double ffmpeg(long frames) throws IOException, InterruptedException {
        List<String> command = List.of("ffmpeg", "-v", "error", "-nostdin", "-i", source, "-vf",
                "scale=" + width + ":" + height + ":flags=bilinear", "-pix_fmt", "gray", "-f", "rawvideo", "-y",
                "/dev/null");
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return 0;
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed on " + source + ": " + String.join(" ", command));
        }
        return frames / ((System.nanoTime() - start) / 1e9);
    }
}
