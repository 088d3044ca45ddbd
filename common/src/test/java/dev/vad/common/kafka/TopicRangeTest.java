package dev.vad.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicRangeTest {

    @Test
    void readsOffsetsInstantsAndKeywords() {
        TopicRange range = TopicRange.parse("0:120, 1:80".replace(" ", ""), "2026-11-22T09:00:00Z");
        assertThat(range.from()).isEqualTo(new TopicRange.Offsets(Map.of(0, 120L, 1, 80L)));
        assertThat(range.to()).isEqualTo(new TopicRange.Timestamp(Instant.parse("2026-11-22T09:00:00Z")));
        assertThat(TopicRange.parse("earliest", null).to()).isInstanceOf(TopicRange.End.class);
        assertThat(TopicRange.parse("beginning", "end").from()).isInstanceOf(TopicRange.Earliest.class);
    }

    @Test
    void refusesWhatItCannotReadSayingWhatItExpects() {
        assertThatThrownBy(() -> TopicRange.parse("yesterday", null))
                .hasMessage("--from 'yesterday' is neither per-partition offsets (0:120,1:80), an ISO-8601 instant"
                        + " (2026-11-22T09:00:00Z), earliest nor end");
        assertThatThrownBy(() -> TopicRange.parse("0:1,0:2", null)).hasMessageContaining("partition 0 twice");
        assertThatThrownBy(() -> TopicRange.parse("0:1", "0:99999999999999999999"))
                .hasMessageContaining("--to").hasMessageContaining("out of range");
    }
}
