package dev.vad.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.config.ConfigException;
import dev.vad.common.config.ConfigReader;
import dev.vad.common.wire.PixelFormat;
import dev.vad.ingest.source.AspectPolicy;
import dev.vad.ingest.source.SourceKind;
import dev.vad.ingest.window.TailPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

    private static IngestSettings load(Map<String, String> flags, Map<String, String> env, List<String> sources,
                                       List<String> ids) {
        ConfigReader config = new ConfigReader(flags, env);
        IngestSettings settings = IngestSettings.load(config, sources, ids, List.of(), true);
        config.validate();
        return settings;
    }

    @Test
    void defaultsAre64x64GreyWindowsOf8FramesWithoutOverlap() {
        IngestSettings s = load(Map.of("bootstrap-servers", "k:9092"), Map.of(), List.of("synthetic:"), List.of());

        assertThat(s.geometry().width()).isEqualTo(64);
        assertThat(s.geometry().pixelFormat()).isEqualTo(PixelFormat.GRAY8);
        assertThat(s.geometry().aspect()).isEqualTo(AspectPolicy.STRETCH);
        assertThat(s.shape().frames()).isEqualTo(8);
        assertThat(s.shape().stride()).isEqualTo(8);
        assertThat(s.shape().tail()).isEqualTo(TailPolicy.FULL);
        assertThat(s.streams()).singleElement().satisfies(p -> {
            assertThat(p.streamId()).isEqualTo("synthetic");
            assertThat(p.maxReconnects()).isEqualTo(-1);
        });
        assertThat(s.metrics().port()).isEqualTo(IngestSettings.DEFAULT_METRICS_PORT);
    }

    @Test
    void sourcesComeFromTheEnvironmentWhenNoFlagGivesThem() {
        IngestSettings s = load(Map.of(), Map.of("VAD_BOOTSTRAP_SERVERS", "k:9092",
                "VAD_SOURCE", "rtsp://cam-1/stream  /dev/video0", "VAD_COLOUR", "rgb"), List.of(), List.of("door"));

        assertThat(s.streams()).extracting(StreamPlan::streamId).containsExactly("door", "video0");
        assertThat(s.streams()).extracting(p -> p.source().kind()).containsExactly(SourceKind.RTSP, SourceKind.V4L2);
        assertThat(s.geometry().pixelFormat()).isEqualTo(PixelFormat.RGB24);
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        assertThatThrownBy(() -> load(Map.of("width", "100000", "window-frames", "4", "stride-frames", "8",
                "aspect", "squash", "rtsp-transport", "sctp", "reconnect-initial", "5s", "reconnect-max", "1s"),
                Map.of(), List.of("ftp://host/clip.mp4", "synthetic:?speed=3", "a.mp4", "b/a.mp4"), List.of()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(9))
                .hasMessageContaining("--width / VAD_WIDTH: expected an integer from 8 to 4096, found '100000'")
                .hasMessageContaining("--stride-frames / VAD_STRIDE_FRAMES: expected at most --window-frames (4)")
                .hasMessageContaining("--aspect / VAD_ASPECT: expected one of stretch, letterbox, crop")
                .hasMessageContaining("--rtsp-transport / VAD_RTSP_TRANSPORT: expected tcp or udp, found 'sctp'")
                .hasMessageContaining("--reconnect-max / VAD_RECONNECT_MAX: expected at least --reconnect-initial")
                .hasMessageContaining("unsupported source scheme in 'ftp://host/clip.mp4'")
                .hasMessageContaining("unknown synthetic parameter 'speed'")
                .hasMessageContaining("--stream-id / VAD_STREAM_ID: expected a unique id")
                .hasMessageContaining("--bootstrap-servers / VAD_BOOTSTRAP_SERVERS: expected host:port");
    }

    @Test
    void noSourceAtAllIsAProblem() {
        assertThatThrownBy(() -> load(Map.of("bootstrap-servers", "k:9092"), Map.of(), List.of(), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--source / VAD_SOURCE: expected at least one source");
    }

    @Test
    void followingTheCameraRegistryTakesNoSourcesAndKeepsTheStreamPolicyAndAnExplicitStride() {
        IngestSettings s = load(Map.of("bootstrap-servers", "k:9092", "follow-cameras", "true", "loop", "true",
                "stride-frames", "6", "group-id", "site-a"), Map.of(), List.of(), List.of());

        assertThat(s.followsCameras()).isTrue();
        assertThat(s.streams()).isEmpty();
        assertThat(s.policy().loop()).isTrue();
        assertThat(s.following().groupId()).isEqualTo("site-a");
        assertThat(s.following().strideFrames()).isEqualTo(6);
        assertThat(load(Map.of("bootstrap-servers", "k:9092", "follow-cameras", "true"), Map.of(), List.of(),
                List.of()).following().strideFrames()).isNull();
        assertThatThrownBy(() -> load(Map.of("bootstrap-servers", "k:9092", "follow-cameras", "true"), Map.of(),
                List.of("synthetic:"), List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("either the registry's cameras or sources given here");
    }
}
