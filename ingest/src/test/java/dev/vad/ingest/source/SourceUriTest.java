package dev.vad.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceUriTest {

    @Test
    void recognisesEveryKindOfSourceAndDerivesAStreamId(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("Train001"));

        assertThat(SourceUri.parse("/data/street.avi")).satisfies(u -> {
            assertThat(u.kind()).isEqualTo(SourceKind.FILE);
            assertThat(u.defaultStreamId()).isEqualTo("street");
        });
        assertThat(SourceUri.parse(folder.toString())).satisfies(u -> {
            assertThat(u.kind()).isEqualTo(SourceKind.FOLDER);
            assertThat(u.defaultStreamId()).isEqualTo("Train001");
        });
        assertThat(SourceUri.parse("file://" + folder).kind()).isEqualTo(SourceKind.FOLDER);
        assertThat(SourceUri.parse("http://cam.local:8080/video.mjpg").defaultStreamId()).isEqualTo("cam.local-8080");
        assertThat(SourceUri.parse("HTTPS://cam/x").kind()).isEqualTo(SourceKind.HTTP);
        assertThat(SourceUri.parse("tcp://127.0.0.1:5000").kind()).isEqualTo(SourceKind.TCP);
        assertThat(SourceUri.parse("udp://239.0.0.1:1234").kind()).isEqualTo(SourceKind.UDP);
        assertThat(SourceUri.parse("rtsp://user:pw@cam/stream").kind()).isEqualTo(SourceKind.RTSP);
        assertThat(SourceUri.parse("v4l2:/dev/video2")).satisfies(u -> {
            assertThat(u.kind()).isEqualTo(SourceKind.V4L2);
            assertThat(u.location()).isEqualTo("/dev/video2");
            assertThat(u.defaultStreamId()).isEqualTo("video2");
        });
        assertThat(SourceUri.parse("/dev/video0").kind()).isEqualTo(SourceKind.V4L2);
        assertThat(SourceUri.parse("synthetic:?seed=7&fps=30").parameters()).containsEntry("seed", "7")
                .containsEntry("fps", "30");
    }

    @Test
    void liveSourcesAreTheNetworkAndCameraOnes() {
        assertThat(SourceKind.HTTP.live()).isTrue();
        assertThat(SourceKind.V4L2.live()).isTrue();
        assertThat(SourceKind.FILE.live()).isFalse();
        assertThat(SourceKind.SYNTHETIC.live()).isFalse();
    }

    @Test
    void rejectsUnsupportedSchemesAndEmptySources() {
        assertThatThrownBy(() -> SourceUri.parse("ftp://host/a.mp4"))
                .hasMessageContaining("unsupported source scheme in 'ftp://host/a.mp4'; expected a path, file:, http://");
        assertThatThrownBy(() -> SourceUri.parse("  ")).hasMessageContaining("a source is empty");
        assertThatThrownBy(() -> SourceUri.parse("http://")).hasMessage("'http://' is not a http URL: expected"
                + " http://host[:port][/path] without spaces");
        assertThatThrownBy(() -> SourceUri.parse("rtsp://cam 2/stream")).hasMessageContaining("is not a rtsp URL");
        assertThatThrownBy(() -> SourceUri.parse("synthetic:?seed")).hasMessageContaining("'seed' is not key=value");
    }

    @Test
    void passwordsInUrlsNeverReachWhatIsShownOrTheDerivedStreamId() {
        SourceUri camera = SourceUri.parse("rtsp://admin:S3cr3t@cam-2:554/stream?channel=1");
        assertThat(camera.shown()).isEqualTo("rtsp://admin:***@cam-2:554/stream?channel=1");
        assertThat(camera.defaultStreamId()).isEqualTo("cam-2-554");
        assertThat(camera.location()).as("FFmpeg still gets the credentials").contains("S3cr3t");

        assertThat(SourceUri.parse("http://cam/video.mjpg?user=admin&pwd=S3cr3t&res=hd").shown())
                .isEqualTo("http://cam/video.mjpg?user=admin&pwd=***&res=hd");
        assertThat(SourceUri.redact("cannot open https://u:p4ss@h/x?token=abc;api_key=k: 401"))
                .isEqualTo("cannot open https://u:***@h/x?token=***;api_key=*** 401");
        assertThat(SourceUri.parse("tcp://127.0.0.1:5000").shown()).isEqualTo("tcp://127.0.0.1:5000");
    }
}
