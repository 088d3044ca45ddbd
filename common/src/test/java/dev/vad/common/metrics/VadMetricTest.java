package dev.vad.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VadMetricTest {

    private static final Pattern SERIES = Pattern.compile("(?m)^([a-z_:][a-z0-9_:]*)[{ ]");

    @Test
    void everyMetricIsScrapedUnderTheSeriesNamesTheDashboardsAreCheckedAgainst() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (VadMetric metric : VadMetric.values()) {
            switch (metric.kind()) {
                case COUNTER -> metric.counter().register(registry).increment();
                case GAUGE -> metric.gauge(metric, m -> 1.0).register(registry);
                case TIMER -> metric.timer().publishPercentileHistogram().register(registry)
                        .record(java.time.Duration.ofMillis(3));
                case SUMMARY -> metric.summary().publishPercentileHistogram().register(registry).record(2);
            }
        }
        Matcher matcher = SERIES.matcher(registry.scrape());
        Set<String> scraped = new java.util.HashSet<>();
        while (matcher.find()) {
            scraped.add(matcher.group(1));
        }

        for (VadMetric metric : VadMetric.values()) {
            assertThat(scraped).as(metric.meterName()).containsAll(metric.prometheusSeries());
        }
    }

    @Test
    void namesAreUniqueAndDescribed() {
        assertThat(Arrays.stream(VadMetric.values()).map(VadMetric::meterName).collect(Collectors.toSet()))
                .hasSize(VadMetric.values().length);
        assertThat(VadMetric.values()).allMatch(metric -> metric.meterName().startsWith("vad.")
                && !metric.description().isBlank());
    }

    @Test
    void aBuilderOfTheWrongKindIsRefused() {
        assertThatThrownBy(VadMetric.SCORER_SCORE::counter).hasMessage("vad.scorer.score is a GAUGE, not a COUNTER");
    }
}
