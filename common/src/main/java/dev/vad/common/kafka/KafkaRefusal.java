package dev.vad.common.kafka;

import java.util.Optional;
import javax.net.ssl.SSLException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * What to fix when Kafka refused a client: its credentials, the broker's certificate, or a missing ACL. Kafka
 * clients treat these as fatal (no retry can help), so a service ends on the first one; this says which setting
 * to look at, in words a user acts on. Never quotes a setting's value.
 */
public final class KafkaRefusal {

    private static final int MAX_CAUSES = 20;

    private KafkaRefusal() {
    }

    /** Advice for the first refusal among {@code error} and its causes; empty when Kafka refused nothing. */
    public static Optional<String> advice(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof SaslAuthenticationException) {
                return Optional.of("Kafka did not accept the credentials: check the user name and password in"
                        + " sasl.jaas.config and that sasl.mechanism is one the broker enables");
            }
            if (t instanceof SslAuthenticationException) {
                return Optional.of("no TLS connection to Kafka (" + tlsReason(t) + "): check that"
                        + " ssl.truststore.location holds the certificate authority of the broker's certificate and"
                        + " that the certificate names the host given in --bootstrap-servers");
            }
            if (t instanceof AuthenticationException) {
                return Optional.of("Kafka authentication failed: check security.protocol, sasl.mechanism and"
                        + " sasl.jaas.config");
            }
            if (t instanceof AuthorizationException) {
                return Optional.of("the Kafka user lacks an ACL: ./vad acls prints the ACLs each service needs");
            }
        }
        return Optional.empty();
    }

    /** What TLS said: the first {@link SSLException}'s message below Kafka's wrapper, or the deepest cause's. */
    private static String tlsReason(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t.getCause() != null && depth < MAX_CAUSES; depth++) {
            t = t.getCause();
            if (t instanceof SSLException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
