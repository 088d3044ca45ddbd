package dev.vad.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MqttTopicsTest {

    @Test
    void aStreamsEventsGoUnderThePrefixInOneLevel() {
        assertThat(MqttTopics.events("vad", "gate")).isEqualTo("vad/gate/events");
        assertThat(MqttTopics.events("site-1/vad", "cam-2")).isEqualTo("site-1/vad/cam-2/events");
    }

    @Test
    void separatorsWildcardsPercentAndControlCharactersArePercentEncoded() {
        assertThat(MqttTopics.level("gate/1")).isEqualTo("gate%2F1");
        assertThat(MqttTopics.level("a+b#c")).isEqualTo("a%2Bb%23c");
        assertThat(MqttTopics.level("100%")).isEqualTo("100%25");
        assertThat(MqttTopics.level("nul\u0000tab\t")).isEqualTo("nul%00tab%09");
    }

    @Test
    void otherCharactersStayAsTheyAre() {
        assertThat(MqttTopics.level("Straße 5 (north) $x")).isEqualTo("Straße 5 (north) $x");
    }

    @Test
    void streamIdsThatLookAlikeGetDifferentTopics() {
        assertThat(MqttTopics.level("a/b")).isNotEqualTo(MqttTopics.level("a_b")).isNotEqualTo(MqttTopics.level("a%2Fb"));
    }

    @Test
    void aPrefixMustBeLevelsWithoutWildcardsOrEmptyLevelsAndNotTheBrokers() {
        assertThat(MqttTopics.prefixProblem("vad")).isNull();
        assertThat(MqttTopics.prefixProblem("site-1/vad")).isNull();
        assertThat(MqttTopics.prefixProblem("")).contains("empty");
        assertThat(MqttTopics.prefixProblem("$SYS/vad")).contains("belong to the broker");
        assertThat(MqttTopics.prefixProblem("vad/#")).contains("wildcard");
        assertThat(MqttTopics.prefixProblem("vad/+/x")).contains("wildcard");
        assertThat(MqttTopics.prefixProblem("vad/")).contains("empty level");
        assertThat(MqttTopics.prefixProblem("/vad")).contains("empty level");
        assertThat(MqttTopics.prefixProblem("a//b")).contains("empty level");
    }
}
