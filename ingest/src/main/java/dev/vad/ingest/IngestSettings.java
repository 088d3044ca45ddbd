package dev.vad.ingest;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.MetricsSettings;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.config.TopicNames;
import dev.vad.common.config.TopicSettings;
import dev.vad.common.wire.PixelFormat;
import dev.vad.ingest.cameras.CameraFollowing;
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
 * @param streams  one plan per source; none when following the camera registry
 * @param policy   how every stream is paced and its failures ridden out
 * @param following how the camera registry is followed, or null when the streams are the sources given
 * @param geometry frame size, colour and aspect policy
 * @param shape    window length, stride and tail policy
 * @param ffmpeg   how FFmpeg opens sources
 * @param kafka    how to reach Kafka
 * @param topics   topic names
 * @param topicSettings how missing topics are created
 * @param metrics  where /metrics is served (default port 9401)
 */
public record IngestSettings(List<StreamPlan> streams, StreamPolicy policy, CameraFollowing following,
                             FrameGeometry geometry, WindowShape shape,
                             FfmpegOptions ffmpeg, KafkaSettings kafka, TopicNames topics,
                             TopicSettings topicSettings, MetricsSettings metrics) {

    public static final int DEFAULT_METRICS_PORT = 9401;

    /** Colour of the frames ingest publishes. */
    public enum Colour { GREY, RGB }

    public static final Setting<String> SOURCE = Setting.text("source", "URI", "", "Sources, space-separated,"
            + " when no --source is given").defaultText("none").environmentOnly();
    public static final Setting<Integer> WIDTH = Setting.integer("width", 64, 8, 4096, "Frame width").label("PX");
    public static final Setting<Integer> HEIGHT = Setting.integer("height", 64, 8, 4096, "Frame height")
            .label("PX");
    public static final Setting<Colour> COLOUR = Setting.choice("colour", Colour.class, Colour.GREY,
            "Frame colour");
    public static final Setting<AspectPolicy> ASPECT = Setting.choice("aspect", AspectPolicy.class,
            AspectPolicy.STRETCH, "Fitting other aspect ratios");
    public static final Setting<Integer> WINDOW_FRAMES = Setting.integer("window-frames", 8, 1, 1024,
            "Frames per window").label("T");
    public static final Setting<Integer> STRIDE_FRAMES = Setting.integer("stride-frames",
            WINDOW_FRAMES.defaultValue(), 1, 1024, "Frames between window starts, at most T").label("S")
            .defaultText("T: no overlap");
    public static final Setting<TailPolicy> TAIL = Setting.choice("tail", TailPolicy.class, TailPolicy.FULL,
            "The frames after the last window of a file").defaultText("full: one more window of the last T");
    public static final Setting<Boolean> REALTIME = Setting.bool("realtime", false,
            "Pace files at their native frame rate").defaultText("false: as fast as possible");
    public static final Setting<Boolean> LOOP = Setting.bool("loop", false, "Start files again at their end");
    public static final Setting<Duration> RECONNECT_INITIAL = Setting.positiveDuration("reconnect-initial",
            Duration.ofMillis(500), "First wait before reconnecting a dropped live stream; doubles, with jitter");
    public static final Setting<Duration> RECONNECT_MAX = Setting.positiveDuration("reconnect-max",
            Duration.ofSeconds(30), "Longest wait between attempts");
    public static final Setting<Integer> CONNECT_ATTEMPTS = Setting.integer("connect-attempts", 3, 1,
            Integer.MAX_VALUE, "Tries to open a live source at start, with backoff, before failing");
    public static final Setting<Integer> MAX_RECONNECTS = Setting.integer("max-reconnects", -1, -1,
            Integer.MAX_VALUE, "Attempts without a frame before a live stream is given up; -1 never");
    public static final Setting<Boolean> FOLLOW_CAMERAS = Setting.bool("follow-cameras", false, "Read the cameras"
            + " of the registry topic, starting, restarting and stopping them as it changes, instead of sources");
    public static final Setting<String> GROUP_ID = Setting.text("group-id", "ID", "vad-ingest", "Consumer group of"
            + " the instances sharing the registry's cameras");
    public static final Setting<Integer> MAX_DECODE_ERRORS = Setting.integer("max-decode-errors", 25, 0,
            Integer.MAX_VALUE, "Undecodable frames in a row before a file is given up");

    public static final Setting<Double> FOLDER_FPS = Setting.decimal("folder-fps", "FPS", 10, 0.01, 1000,
            "Frame rate of image folders");
    public static final Setting<Duration> IO_TIMEOUT = Setting.positiveDuration("io-timeout",
            Duration.ofSeconds(10), "A live stream silent this long counts as dropped");
    public static final Setting<String> RTSP_TRANSPORT = Setting.text("rtsp-transport", "tcp|udp", "tcp",
            "RTSP transport").accepts("tcp or udp");

    /** What ingest makes of its sources: frames, windows, pacing, and how it rides out a failing source. */
    public static final SettingGroup SETTINGS = SettingGroup.of("ingest", SOURCE, WIDTH, HEIGHT, COLOUR, ASPECT,
            WINDOW_FRAMES, STRIDE_FRAMES, TAIL, REALTIME, LOOP, RECONNECT_INITIAL, RECONNECT_MAX, CONNECT_ATTEMPTS,
            MAX_RECONNECTS, MAX_DECODE_ERRORS, FOLLOW_CAMERAS, GROUP_ID);

    /** How FFmpeg opens a source (ingest and probe share these). */
    public static final SettingGroup SOURCE_OPENING = SettingGroup.of("source opening", FOLDER_FPS, IO_TIMEOUT,
            RTSP_TRANSPORT);

    /** True when the streams are the camera registry's, not sources given to this instance. */
    public boolean followsCameras() {
        return following != null;
    }

    /** The same settings publishing to another frames topic. */
    public IngestSettings withFramesTopic(String topic) {
        TopicNames t = new TopicNames(topic, topics.models(), topics.scores(), topics.reconstructions(),
                topics.events(), topics.deadLetters(), topics.cameras());
        return new IngestSettings(streams, policy, following, geometry, shape, ffmpeg, kafka, t, topicSettings,
                metrics);
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
        FrameGeometry geometry = new FrameGeometry(WIDTH.from(config), HEIGHT.from(config),
                COLOUR.from(config) == Colour.GREY ? PixelFormat.GRAY8 : PixelFormat.RGB24, ASPECT.from(config));
        int frames = WINDOW_FRAMES.from(config);
        int stride = STRIDE_FRAMES.from(config, frames);
        if (stride > frames) {
            config.problem(STRIDE_FRAMES.key(), config.found(STRIDE_FRAMES.key()), "at most --window-frames ("
                    + frames + "): a stride longer than the window would skip frames");
            stride = frames;
        }
        WindowShape shape = new WindowShape(frames, stride, TAIL.from(config));
        FfmpegOptions ffmpeg = ffmpegOptions(config);
        Duration initial = RECONNECT_INITIAL.from(config);
        Duration max = RECONNECT_MAX.from(config);
        if (max.compareTo(initial) < 0) {
            config.problem(RECONNECT_MAX.key(), config.found(RECONNECT_MAX.key()), "at least --reconnect-initial ("
                    + initial + ")");
            max = initial;
        }
        StreamPolicy policy = new StreamPolicy(REALTIME.from(config), LOOP.from(config), new Backoff(initial, max,
                0.2), CONNECT_ATTEMPTS.from(config), MAX_RECONNECTS.from(config), MAX_DECODE_ERRORS.from(config));
        CameraFollowing following = null;
        List<StreamPlan> streams = List.of();
        if (FOLLOW_CAMERAS.from(config)) {
            following = new CameraFollowing(GROUP_ID.from(config), STRIDE_FRAMES.given(config) ? stride : null,
                    shape.tail());
            if (!sources.isEmpty() || !SOURCE.from(config).isBlank() || !streamIds.isEmpty()) {
                config.problem(FOLLOW_CAMERAS.key(), "true with --source or --stream-id", "either the registry's"
                        + " cameras or sources given here, not both");
            }
        } else {
            streams = streams(config, sources, streamIds, policy, geometry);
        }
        return new IngestSettings(streams, policy, following, geometry, shape, ffmpeg,
                KafkaSettings.load(config, kafkaProperties, bootstrapRequired), TopicNames.load(config),
                TopicSettings.load(config), MetricsSettings.load(config, DEFAULT_METRICS_PORT));
    }

    /** How FFmpeg opens sources: the settings of {@link #SOURCE_OPENING}. */
    public static FfmpegOptions ffmpegOptions(ConfigReader config) {
        String transport = RTSP_TRANSPORT.from(config);
        if (!transport.equals("tcp") && !transport.equals("udp")) {
            config.problem(RTSP_TRANSPORT.key(), config.found(RTSP_TRANSPORT.key()), RTSP_TRANSPORT.accepts());
            transport = RTSP_TRANSPORT.defaultValue();
        }
        return new FfmpegOptions(FOLDER_FPS.from(config), IO_TIMEOUT.from(config), transport);
    }

    private static List<StreamPlan> streams(ConfigReader config, List<String> sources, List<String> streamIds,
                                            StreamPolicy policy, FrameGeometry geometry) {
        List<String> given = sources;
        if (given.isEmpty()) {
            String env = SOURCE.from(config);
            given = env.isBlank() ? List.of() : List.of(env.split("\\s+"));
        }
        if (given.isEmpty()) {
            config.problem(SOURCE.key(), "nothing", "at least one source: a file, folder, URL, camera or synthetic:"
                    + " (or --follow-cameras)");
        }
        if (streamIds.size() > given.size()) {
            config.problem("stream-id", streamIds.size() + " stream ids", "at most one per source (" + given.size()
                    + ")");
        }
        List<StreamPlan> plans = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            SourceUri uri;
            try {
                uri = SourceUri.parse(given.get(i));
            } catch (IllegalArgumentException e) {
                config.problem(SOURCE.key(), "'" + SourceUri.redact(given.get(i)) + "'", "a supported source ("
                        + SourceUri.redact(e.getMessage()) + ")");
                continue;
            }
            if (uri.kind() == SourceKind.SYNTHETIC) {
                try {
                    SyntheticSource.settings(uri, geometry);
                } catch (IllegalArgumentException e) {
                    config.problem(SOURCE.key(), "'" + given.get(i) + "'", "valid synthetic: parameters ("
                            + e.getMessage() + ")");
                }
            }
            String id = i < streamIds.size() ? streamIds.get(i) : uri.defaultStreamId();
            if (!id.matches("[A-Za-z0-9._-]{1,128}") || !ids.add(id)) {
                config.problem("stream-id", "'" + id + "'", "a unique id of 1 to 128 of A-Z a-z 0-9 . _ -");
            }
            plans.add(policy.plan(id, uri));
        }
        return plans;
    }
}
