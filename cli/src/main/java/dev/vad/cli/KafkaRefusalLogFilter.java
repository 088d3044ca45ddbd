package dev.vad.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the Kafka clients' own reports of a failed authentication or a denied ACL. Kafka treats both as fatal, so
 * the command ends on the first one with one line that says what to fix ({@code Main}, with the stack trace at
 * debug level); the clients' reports would repeat it, one with a stack trace, before that line.
 */
public final class KafkaRefusalLogFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (!event.getLoggerName().startsWith("org.apache.kafka.clients")) {
            return FilterReply.NEUTRAL;
        }
        String message = event.getFormattedMessage();
        boolean refused = message != null && (message.contains("failed authentication")
                || message.contains("authorization failed"));
        for (IThrowableProxy t = event.getThrowableProxy(); t != null && !refused; t = t.getCause()) {
            refused = t.getClassName().endsWith("AuthenticationException")
                    || t.getClassName().endsWith("AuthorizationException");
        }
        return refused ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
