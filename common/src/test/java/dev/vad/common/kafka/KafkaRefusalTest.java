package dev.vad.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SignatureException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.junit.jupiter.api.Test;

/** The advice a command ends with when Kafka refused it (issue 29). */
class KafkaRefusalTest {

    @Test
    void wrongCredentialsPointAtTheJaasConfigWhereverTheErrorIsWrapped() {
        Exception error = new IllegalStateException("cannot list topics",
                new SaslAuthenticationException("Authentication failed: invalid credentials"));

        assertThat(KafkaRefusal.advice(error)).hasValueSatisfying(advice -> assertThat(advice)
                .startsWith("Kafka did not accept the credentials").contains("sasl.jaas.config"));
    }

    @Test
    void anUntrustedCertificateSaysWhyTheHandshakeFailedAndPointsAtTheTruststore() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new SignatureException("Signature does not match."));
        Exception error = new IllegalStateException("cannot list topics", new SslAuthenticationException(
                "SSL handshake failed", handshake));

        assertThat(KafkaRefusal.advice(error)).hasValueSatisfying(advice -> assertThat(advice)
                .contains("no TLS connection to Kafka (PKIX path building failed)", "ssl.truststore.location"));
    }

    @Test
    void otherAuthenticationFailuresAndMissingAclsHaveAdviceToo() {
        assertThat(KafkaRefusal.advice(new UnsupportedSaslMechanismException("no such mechanism")))
                .hasValueSatisfying(advice -> assertThat(advice).contains("sasl.mechanism"));
        assertThat(KafkaRefusal.advice(new IllegalStateException("poll failed",
                new GroupAuthorizationException("Not authorized to access group: vad-scorer"))))
                .hasValueSatisfying(advice -> assertThat(advice).contains("./vad acls"));
    }

    @Test
    void failuresKafkaDidNotRefuseHaveNone() {
        assertThat(KafkaRefusal.advice(new IllegalStateException("cannot list topics",
                new TimeoutException("timed out")))).isEmpty();
        assertThat(KafkaRefusal.advice(new IllegalArgumentException("bad"))).isEmpty();
    }
}
