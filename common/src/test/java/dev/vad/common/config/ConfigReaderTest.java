package dev.vad.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

    enum Colour { GREY, RGB }

    @Test
    void flagWinsOverEnvironmentWhichWinsOverDefault() {
        ConfigReader config = new ConfigReader(Map.of("window-frames", "16"),
                Map.of("VAD_WINDOW_FRAMES", "8", "VAD_STRIDE_FRAMES", "4"));

        assertThat(config.integer("window-frames", 2, 1, 100)).isEqualTo(16);
        assertThat(config.integer("stride-frames", 2, 1, 100)).isEqualTo(4);
        assertThat(config.integer("other-frames", 2, 1, 100)).isEqualTo(2);
        config.validate();
    }

    @Test
    void everyProblemIsReportedTogetherWithKeyValueSourceAndExpectation() {
        ConfigReader config = new ConfigReader(Map.of("window-frames", "-3", "colour", "purple"),
                Map.of("VAD_POLL_TIMEOUT", "soon", "VAD_REALTIME", "maybe"));
        config.integer("window-frames", 8, 1, 1024);
        config.choice("colour", Colour.class, Colour.GREY);
        config.duration("poll-timeout", Duration.ofSeconds(1));
        config.bool("realtime", false);
        config.required("source", "a file, folder or stream URI");

        assertThatThrownBy(config::validate)
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("5 configuration problems:")
                .hasMessageContaining("--window-frames / VAD_WINDOW_FRAMES: expected an integer from 1 to 1024,"
                        + " found '-3' (flag)")
                .hasMessageContaining("--colour / VAD_COLOUR: expected one of grey, rgb, found 'purple' (flag)")
                .hasMessageContaining("--poll-timeout / VAD_POLL_TIMEOUT: expected a duration such as 500ms, 30s,"
                        + " 2m, 1h or 7d, found 'soon' (environment)")
                .hasMessageContaining("--realtime / VAD_REALTIME: expected true or false, found 'maybe'")
                .hasMessageContaining("--source / VAD_SOURCE: expected a file, folder or stream URI, found nothing");
    }

    @Test
    void durationsAcceptEveryUnit() {
        ConfigReader config = new ConfigReader(Map.of("a", "250ms", "b", "30s", "c", "2m", "d", "1h", "e", "7d"),
                Map.of());

        assertThat(config.duration("a", null)).isEqualTo(Duration.ofMillis(250));
        assertThat(config.duration("b", null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.duration("c", null)).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.duration("d", null)).isEqualTo(Duration.ofHours(1));
        assertThat(config.duration("e", null)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void choicesAcceptDashesAndAnyCase() {
        ConfigReader config = new ConfigReader(Map.of("colour", "Rgb"), Map.of());

        assertThat(config.choice("colour", Colour.class, Colour.GREY)).isEqualTo(Colour.RGB);
    }

    @Test
    void topicNamesDefaultToTheDesignAndRejectIllegalNames() {
        assertThat(TopicNames.load(new ConfigReader(Map.of(), Map.of()))).isEqualTo(TopicNames.DEFAULT);

        ConfigReader bad = new ConfigReader(Map.of("topic-scores", "my scores"), Map.of("VAD_TOPIC_DLQ", "ok.dlq"));
        TopicNames names = TopicNames.load(bad);
        assertThat(names.deadLetters()).isEqualTo("ok.dlq");
        assertThat(bad.problems()).singleElement().asString().contains("--topic-scores", "'my scores'");
    }

    @Test
    void metricsDefaultToLoopbackAndAcceptOffAsMinusOne() {
        MetricsSettings defaults = MetricsSettings.load(new ConfigReader(Map.of(), Map.of()), 9401);
        MetricsSettings off = MetricsSettings.load(new ConfigReader(Map.of("metrics-port", "-1"), Map.of()), 9401);

        assertThat(defaults).isEqualTo(new MetricsSettings("127.0.0.1", 9401));
        assertThat(off.enabled()).isFalse();
    }
}
