package dev.vad.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signsWithHmacSha256AsLowercaseHexAfterSha256Equals() {
        // RFC 4231, test case 2.
        WebhookSignature signature = new WebhookSignature("Jefe");

        assertThat(signature.sign(utf8("what do ya want for nothing?")))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void verifiesItsOwnSignatureOnlyForTheSameBodyAndSecret() {
        WebhookSignature signature = new WebhookSignature("s3cret");
        byte[] body = utf8("{\"event_id\":\"e1\"}");
        String header = signature.sign(body);

        assertThat(signature.verify(body, header)).isTrue();
        assertThat(signature.verify(utf8("{\"event_id\":\"e2\"}"), header)).as("another body").isFalse();
        assertThat(new WebhookSignature("other").verify(body, header)).as("another secret").isFalse();
        assertThat(signature.verify(body, header.toUpperCase())).as("the prefix is part of it").isFalse();
        assertThat(signature.verify(body, "sha256=zz")).as("not hex").isFalse();
        assertThat(signature.verify(body, null)).isFalse();
    }

    @Test
    void refusesAnEmptySecretAndNeverShowsOne() {
        assertThatThrownBy(() -> new WebhookSignature("")).hasMessageContaining("must not be empty");
        assertThat(new WebhookSignature("s3cret").toString()).doesNotContain("s3cret");
    }
}
