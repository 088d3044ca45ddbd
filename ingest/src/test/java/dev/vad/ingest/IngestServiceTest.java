package dev.vad.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.config.ConfigReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestServiceTest {

    private static IngestSettings settings(List<String> sources, Map<String, String> flags) {
        ConfigReader config = new ConfigReader(flags, Map.of("VAD_BOOTSTRAP_SERVERS", "k:9092"));
        IngestSettings settings = IngestSettings.load(config, sources, List.of(), List.of(), true);
        config.validate();
        return settings;
    }

    @Test
    void filesReadAsFastAsPossibleLingerLongerForThroughput() {
        assertThat(IngestService.producerTuning(settings(List.of("a.mp4", "b.avi"), Map.of())))
                .containsEntry("linger.ms", IngestService.BULK_LINGER_MS);
    }

    @Test
    void liveOrPacedStreamsKeepTheShortLingerForLatency() {
        assertThat(IngestService.producerTuning(settings(List.of("a.mp4", "rtsp://cam/s"), Map.of()))).isEmpty();
        assertThat(IngestService.producerTuning(settings(List.of("a.mp4"), Map.of("realtime", "true")))).isEmpty();
    }
}
