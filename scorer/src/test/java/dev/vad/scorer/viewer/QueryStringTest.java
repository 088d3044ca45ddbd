package dev.vad.scorer.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void decodesEachPairAndPassesOverPairsWithoutAName() {
        assertThat(QueryString.of(URI.create("/evidence?episode=gate%2F1%3A750&file=snapshot&=x&flag")))
                .containsOnly(Map.entry("episode", "gate/1:750"), Map.entry("file", "snapshot"));
        assertThat(QueryString.of(URI.create("/image"))).isEmpty();
    }

    @Test
    void aMalformedEscapeIsRefused() {
        assertThatThrownBy(() -> QueryString.of(URI.create("/image?stream=%zz")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
