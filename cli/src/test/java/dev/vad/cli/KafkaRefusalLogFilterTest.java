package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;

/** Kafka's own reports of a refused login or ACL are dropped; the command's one line says it (issue 29). */
class KafkaRefusalLogFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final KafkaRefusalLogFilter filter = new KafkaRefusalLogFilter();

    @Test
    void dropsTheClientsReportsOfAFailedLoginOrADeniedAcl() {
        assertThat(decide("org.apache.kafka.clients.NetworkClient", "Connection to node -1 (localhost/127.0.0.1:9093)"
                + " failed authentication due to: invalid credentials", null)).isEqualTo(FilterReply.DENY);
        assertThat(decide("org.apache.kafka.clients.admin.internals.AdminMetadataManager",
                "Fatal error during metadata update", new SaslAuthenticationException("invalid credentials")))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide("org.apache.kafka.clients.Metadata", "Topic authorization failed for topics [vad.models]",
                null)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void keepsEverythingElse() {
        assertThat(decide("org.apache.kafka.clients.NetworkClient", "Connection to node 1 could not be established",
                null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("dev.vad.scorer.ScorerService", "failed authentication", null))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    private FilterReply decide(String loggerName, String message, Throwable error) {
        Logger logger = context.getLogger(loggerName);
        return filter.decide(new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, message, error, null));
    }
}
