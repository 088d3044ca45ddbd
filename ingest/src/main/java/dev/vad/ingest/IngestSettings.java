package dev.vad.ingest;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.MetricsSettings;
import dev.vad.common.config.TopicNames;
import dev.vad.common.config.TopicSettings;
import dev.vad.common.wire.PixelFormat;
import dev.vad.ingest.source.AspectPolicy;
import dev.vad.ingest.source.FfmpegOptions;
import dev.vad.ingest.source.FrameGeometry;
import dev.vad.ingest.source.SourceKind;
import dev.vad.ingest.source.SourceUri;
import dev.vad.ingest.source.SyntheticSource;
import dev.vad.ingest.window.TailPolicy;
import dev.vad.ingest.window.WindowShape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything ingest needs, validated as a whole.
 *
 * @param streams  one plan per source
 * @param geometry frame size, colour and aspect policy
 * @param shape    window length, stride and tail policy
 * @param ffmpeg   how FFmpeg opens sources
 * @param kafka    how to reach Kafka
 * @param topics   topic names
 * @param topicSettings how missing topics are created
 * @param metrics  where /metrics is served (default port 9401)
 */
public record IngestSettings(List<StreamPlan> streams, FrameGeometry geometry, WindowShape shape,
                             FfmpegOptions ffmpeg, KafkaSettings kafka, TopicNames topics,
                             TopicSettings topicSettings, MetricsSettings metrics) {

    public static final int DEFAULT_METRICS_PORT = 9401;

    /** Colour of the frames ingest publishes. */
    public enum Colour { GREY, RGB }

    /** The same settings publishing to another frames topic. */
    public IngestSettings withFramesTopic(String topic) {
        TopicNames t = new TopicNames(topic, topics.models(), topics.scores(), topics.reconstructions(),
                topics.events(), topics.deadLetters());
        return new IngestSettings(streams, geometry, shape, ffmpeg, kafka, t, topicSettings, metrics);
    }

    /**
     * Loads and validates; every problem is recorded in {@code config} (call {@link ConfigReader#validate()}).
     *
     * @param sources   the {@code --source} flags, or empty to read {@code VAD_SOURCE} (whitespace-separated)
     * @param streamIds the {@code --stream-id} flags, in the order of the sources
     * @param kafkaProperties the {@code --kafka-property} flags
     * @param bootstrapRequired false when the caller will start an embedded broker
     */
    public static IngestSettings load(ConfigReader config, List<String> sources, List<String> streamIds,
                                      List<String> kafkaProperties, boolean bootstrapRequired) {
        FrameGeometry geometry = new FrameGeometry(config.integer("width", 64, 8, 4096),
                config.integer("height", 64, 8, 4096),
                config.choice("colour", Colour.class, Colour.GREY) == Colour.GREY ? PixelFormat.GRAY8 : PixelFormat.RGB24,
                config.choice("aspect", AspectPolicy.class, AspectPolicy.STRETCH));
        int frames = config.integer("window-frames", 8, 1, 1024);
        int stride = config.integer("stride-frames", frames, 1, 1024);
        if (stride > frames) {
            config.problem("stride-frames", config.found("stride-frames"), "at most --window-frames (" + frames
                    + "): a stride longer than the window would skip frames");
            stride = frames;
        }
        WindowShape shape = new WindowShape(frames, stride, config.choice("tail", TailPolicy.class, TailPolicy.FULL));
        FfmpegOptions ffmpeg = ffmpegOptions(config);
        Duration initial = config.positiveDuration("reconnect-initial", Duration.ofMillis(500));
        Duration max = config.positiveDuration("reconnect-max", Duration.ofSeconds(30));
        if (max.compareTo(initial) < 0) {
            config.problem("reconnect-max", config.found("reconnect-max"), "at least --reconnect-initial (" + initial
                    + ")");
            max = initial;
        }
        Backoff backoff = new Backoff(initial, max, 0.2);
        List<StreamPlan> streams = streams(config, sources, streamIds, backoff, geometry);
        return new IngestSettings(streams, geometry, shape, ffmpeg,
                KafkaSettings.load(config, kafkaProperties, bootstrapRequired), TopicNames.load(config),
                TopicSettings.load(config), MetricsSettings.load(config, DEFAULT_METRICS_PORT));
    }

    /** How FFmpeg opens sources: {@code folder-fps} (default 10), {@code io-timeout} (10s), {@code rtsp-transport} (tcp). */
    public static FfmpegOptions ffmpegOptions(ConfigReader config) {
        String transport = config.string("rtsp-transport", "tcp");
        if (!transport.equals("tcp") && !transport.equals("udp")) {
            config.problem("rtsp-transport", config.found("rtsp-transport"), "tcp or udp");
            transport = "tcp";
        }
        return new FfmpegOptions(config.decimal("folder-fps", 10, 0.01, 1000),
                config.positiveDuration("io-timeout", Duration.ofSeconds(10)), transport);
    }

    private static List<StreamPlan> streams(ConfigReader config, List<String> sources, List<String> streamIds,
                                            Backoff backoff, FrameGeometry geometry) {
        List<String> given = sources;
        if (given.isEmpty()) {
            String env = config.string("source", "");
            given = env.isBlank() ? List.of() : List.of(env.split("\\s+"));
        }
        if (given.isEmpty()) {
            config.problem("source", "nothing", "at least one source: a file, folder, URL, camera or synthetic:");
        }
        if (streamIds.size() > given.size()) {
            config.problem("stream-id", streamIds.size() + " stream ids", "at most one per source (" + given.size()
                    + ")");
        }
        boolean realtime = config.bool("realtime", false);
        boolean loop = config.bool("loop", false);
        int connectAttempts = config.integer("connect-attempts", 3, 1, Integer.MAX_VALUE);
        int maxReconnects = config.integer("max-reconnects", -1, -1, Integer.MAX_VALUE);
        int maxDecodeErrors = config.integer("max-decode-errors", 25, 0, Integer.MAX_VALUE);
        List<StreamPlan> plans = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            SourceUri uri;
            try {
                uri = SourceUri.parse(given.get(i));
            } catch (IllegalArgumentException e) {
                config.problem("source", "'" + SourceUri.redact(given.get(i)) + "'", "a supported source ("
                        + SourceUri.redact(e.getMessage()) + ")");
                continue;
            }
            if (uri.kind() == SourceKind.SYNTHETIC) {
                try {
                    SyntheticSource.settings(uri, geometry);
                } catch (IllegalArgumentException e) {
                    config.problem("source", "'" + given.get(i) + "'", "valid synthetic: parameters (" + e.getMessage()
                            + ")");
                }
            }
            String id = i < streamIds.size() ? streamIds.get(i) : uri.defaultStreamId();
            if (!id.matches("[A-Za-z0-9._-]{1,128}") || !ids.add(id)) {
                config.problem("stream-id", "'" + id + "'", "a unique id of 1 to 128 of A-Z a-z 0-9 . _ -");
            }
            plans.add(new StreamPlan(id, uri, realtime, loop, backoff, connectAttempts, maxReconnects,
                    maxDecodeErrors));
        }
        return plans;
    }
}
