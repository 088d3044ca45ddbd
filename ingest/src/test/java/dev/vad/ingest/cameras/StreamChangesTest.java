package dev.vad.ingest.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.PixelFormat;
import dev.vad.ingest.source.AspectPolicy;
import dev.vad.ingest.source.FrameGeometry;
import dev.vad.ingest.source.SourceUri;
import dev.vad.ingest.window.TailPolicy;
import dev.vad.ingest.window.WindowShape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** From the camera streams running to those wanted (issue 24). */
class StreamChangesTest {

    private static CameraStream stream(String id, int width) {
        return new CameraStream(id, SourceUri.parse("synthetic:?seed=1"), new FrameGeometry(width, 32,
                PixelFormat.GRAY8, AspectPolicy.STRETCH), new WindowShape(8, 8, TailPolicy.FULL), null);
    }

    @Test
    void aNewCameraStartsAGoneOneStopsAChangedOneRestartsAndTheSameOneIsLeftAlone() {
        Map<String, CameraStream> running = Map.of("gate", stream("gate", 32), "yard", stream("yard", 32),
                "porch", stream("porch", 32));
        Map<String, CameraStream> wanted = Map.of("gate", stream("gate", 32), "yard", stream("yard", 64),
                "lobby", stream("lobby", 32));

        StreamChanges changes = StreamChanges.between(running, wanted);

        assertThat(changes.stop()).containsExactly("porch", "yard");
        assertThat(changes.start()).containsExactly(stream("lobby", 32), stream("yard", 64));
        assertThat(StreamChanges.between(wanted, Map.copyOf(wanted)).none()).isTrue();
    }
}
