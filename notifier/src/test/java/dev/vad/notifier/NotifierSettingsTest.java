package dev.vad.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.config.ConfigException;
import dev.vad.common.config.ConfigProblem;
import dev.vad.common.config.ConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifierSettingsTest {

    private static final String SECRET = "wh-s3cret-6b1f";

    @TempDir
    Path dir;

    private static NotifierSettings load(Map<String, String> flags, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("bootstrap-servers", "k:9092"));
        all.putAll(flags);
        ConfigReader config = new ConfigReader(all, env);
        NotifierSettings settings = NotifierSettings.load(config, List.of(), "vad-notifier-test");
        config.validate();
        return settings;
    }

    private static List<String> problems(Map<String, String> flags, Map<String, String> env) {
        ConfigReader config = new ConfigReader(flags, env);
        NotifierSettings.load(config, List.of(), "vad-notifier-test");
        return config.problems().stream().map(ConfigProblem::toString).toList();
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void aWebhookWithItsSecretFromTheEnvironmentTakesTheDefaults() {
        NotifierSettings settings = load(Map.of("webhook-url", "https://alerts.example.com/vad"),
                Map.of("VAD_WEBHOOK_SECRET", SECRET));

        assertThat(settings.webhook().url()).hasToString("https://alerts.example.com/vad");
        assertThat(settings.webhook().secret()).isEqualTo(SECRET);
        assertThat(settings.webhook().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.mqtt()).isNull();
        assertThat(settings.retry()).isEqualTo(RetrySchedule.DEFAULT);
        assertThat(settings.groupId()).isEqualTo("vad-notifier");
        assertThat(settings.topics().events()).isEqualTo("vad.events");
        assertThat(settings.topics().deadLetters()).isEqualTo("vad.dlq");
        assertThat(settings.metrics().port()).isEqualTo(9405);
    }

    @Test
    void theSecretAndTheMqttPasswordComeFromTheFirstLineOfAFileAndAreNeverShown() throws IOException {
        NotifierSettings settings = load(Map.of("webhook-url", "http://127.0.0.1:8080/hook?token=t0k3n",
                "webhook-secret-file", file("secret", SECRET + "\nignored\n").toString(),
                "mqtt-uri", "tcp://127.0.0.1:1883", "mqtt-user", "vad",
                "mqtt-password-file", file("mqtt", "mq-pa55\n").toString()), Map.of());

        assertThat(settings.webhook().secret()).isEqualTo(SECRET);
        assertThat(settings.mqtt().password()).isEqualTo("mq-pa55");
        assertThat(settings.mqtt().user()).isEqualTo("vad");
        assertThat(settings.toString()).doesNotContain(SECRET, "mq-pa55", "t0k3n")
                .contains("http://127.0.0.1:8080/…");
    }

    @Test
    void mqttAloneTakesItsDefaults() {
        NotifierSettings settings = load(Map.of("mqtt-uri", "ssl://broker.example.com:8883"), Map.of());

        assertThat(settings.webhook()).isNull();
        assertThat(settings.mqtt().serverUri()).isEqualTo("ssl://broker.example.com:8883");
        assertThat(settings.mqtt().topicPrefix()).isEqualTo("vad");
        assertThat(settings.mqtt().clientId()).isEqualTo("vad-notifier-test");
        assertThat(settings.mqtt().user()).isNull();
        assertThat(settings.mqtt().password()).isEmpty();
        assertThat(settings.mqtt().timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void retriesAreConfigurable() {
        NotifierSettings settings = load(Map.of("mqtt-uri", "tcp://b:1883", "delivery-attempts", "3",
                "retry-delay", "200ms", "retry-max-delay", "2s"), Map.of());

        assertThat(settings.retry()).isEqualTo(new RetrySchedule(3, Duration.ofMillis(200), Duration.ofSeconds(2)));
    }

    @Test
    void noSinkAtAllIsAProblem() {
        assertThat(problems(Map.of("bootstrap-servers", "k:9092"), Map.of())).singleElement().asString()
                .contains("--webhook-url / VAD_WEBHOOK_URL", "--mqtt-uri", "found nothing");
    }

    @Test
    void everyProblemIsListedAtOnceWithoutTheSecrets() {
        List<String> problems = problems(Map.of(
                "webhook-url", "ftp://user:pa55@files.example.com/drop?token=t0k3n",
                "webhook-secret-file", dir.resolve("no-such-file").toString(),
                "mqtt-uri", "mqtt//broker",
                "mqtt-topic-prefix", "vad/#",
                "delivery-attempts", "0",
                "retry-delay", "5s",
                "retry-max-delay", "1s",
                "webhook-timeout", "soon"), Map.of());

        assertThat(problems).hasSize(8);
        assertThat(String.join("\n", problems))
                .contains("--webhook-url / VAD_WEBHOOK_URL: expected an http:// or https:// URL",
                        "'ftp://***@files.example.com/…' (flag)")
                .contains("--webhook-secret-file", "a readable file holding the webhook secret", "no-such-file")
                .contains("--mqtt-uri / VAD_MQTT_URI: expected tcp://HOST:PORT", "'mqtt//broker'")
                .contains("--mqtt-topic-prefix", "wildcard")
                .contains("--delivery-attempts / VAD_DELIVERY_ATTEMPTS: expected an integer from 1 to 1000")
                .contains("--retry-max-delay / VAD_RETRY_MAX_DELAY: expected at least --retry-delay (PT5S)")
                .contains("--webhook-timeout", "a duration such as")
                .contains("--bootstrap-servers")
                .doesNotContain("pa55", "t0k3n");
    }

    @Test
    void aWebhookNeedsASecretAndAnMqttPasswordAUser() throws IOException {
        List<String> problems = problems(Map.of("bootstrap-servers", "k:9092",
                "webhook-url", "https://alerts.example.com/vad", "mqtt-uri", "tcp://b:1883",
                "mqtt-password-file", file("mqtt", "mq-pa55").toString()), Map.of());

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("--webhook-secret-file", "VAD_WEBHOOK_SECRET", "found nothing");
        assertThat(problems.get(1)).contains("--mqtt-user", "a user name to go with the MQTT password");
    }

    @Test
    void anEmptySecretFileIsAProblemNamingTheFile() throws IOException {
        Path empty = file("empty", "\n");

        assertThatThrownBy(() -> load(Map.of("webhook-url", "https://a.example.com/", "webhook-secret-file",
                empty.toString()), Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--webhook-secret-file").hasMessageContaining(empty.toString())
                .hasMessageContaining("it is empty");
    }

    @Test
    void aPollIsGivenTimeForEverySinksWholeRetrySchedule() {
        NotifierSettings settings = load(Map.of("webhook-url", "https://a.example.com/", "mqtt-uri", "tcp://b:1883",
                "delivery-attempts", "2", "retry-delay", "1s", "webhook-timeout", "3s", "mqtt-timeout", "5s"),
                Map.of("VAD_WEBHOOK_SECRET", SECRET));

        // webhook: 2 x (2 x 3 s) + 1 s; MQTT: 2 x (2 x 5 s) + 1 s.
        assertThat(settings.worstCasePerEvent()).isEqualTo(Duration.ofSeconds(13 + 21));
    }
}
