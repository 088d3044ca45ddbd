package dev.vad.notifier;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.MetricsSettings;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.config.TopicNames;
import dev.vad.common.config.TopicSettings;
import java.time.Duration;
import java.util.List;

/**
 * Everything the notifier needs, validated as a whole.
 *
 * @param groupId       consumer group on the events topic (default {@code vad-notifier})
 * @param webhook       the webhook, or null for none
 * @param mqtt          the MQTT broker, or null for none; at least one of the two is set
 * @param retry         attempts per event and sink, and the pauses between them
 * @param kafka         how to reach Kafka
 * @param topics        topic names (events are read, dead letters written)
 * @param topicSettings how missing topics are created
 * @param metrics       where /metrics is served (default port 9405)
 */
public record NotifierSettings(String groupId, WebhookSettings webhook, MqttSettings mqtt, RetrySchedule retry,
                               KafkaSettings kafka, TopicNames topics, TopicSettings topicSettings,
                               MetricsSettings metrics) {

    public static final int DEFAULT_METRICS_PORT = 9405;

    public static final Setting<String> GROUP_ID = Setting.text("group-id", "ID", "vad-notifier", "Consumer group");
    public static final Setting<Integer> DELIVERY_ATTEMPTS = Setting.integer("delivery-attempts",
            RetrySchedule.DEFAULT.attempts(), 1, 1000, "Attempts per event and sink before it is dead-lettered");
    public static final Setting<Duration> RETRY_DELAY = Setting.duration("retry-delay",
            RetrySchedule.DEFAULT.baseDelay(), "Pause after the first failed attempt, doubled after each further one");
    public static final Setting<Duration> RETRY_MAX_DELAY = Setting.positiveDuration("retry-max-delay",
            RetrySchedule.DEFAULT.maxDelay(), "Longest pause between two attempts");

    /** How the notifier reads events and retries their delivery (the sinks are {@code webhook} and {@code MQTT}). */
    public static final SettingGroup SETTINGS = SettingGroup.of("notify", GROUP_ID, DELIVERY_ATTEMPTS, RETRY_DELAY,
            RETRY_MAX_DELAY);

    /**
     * Loads and validates; every problem is recorded in {@code config} (call {@link ConfigReader#validate()}).
     *
     * @param defaultClientId the MQTT client id when {@code --mqtt-client-id} is not given
     */
    public static NotifierSettings load(ConfigReader config, List<String> kafkaProperties, String defaultClientId) {
        WebhookSettings webhook = WebhookSettings.load(config);
        MqttSettings mqtt = MqttSettings.load(config, defaultClientId);
        if (WebhookSettings.URL.from(config).isEmpty() && MqttSettings.SERVER_URI.from(config).isEmpty()) {
            config.problem(WebhookSettings.URL.key(), "nothing", "somewhere to send events: --webhook-url URL,"
                    + " --mqtt-uri URI, or both (or VAD_MQTT_URI)");
        }
        return new NotifierSettings(GROUP_ID.from(config), webhook, mqtt, retry(config),
                KafkaSettings.load(config, kafkaProperties, true), TopicNames.load(config),
                TopicSettings.load(config), MetricsSettings.load(config, DEFAULT_METRICS_PORT));
    }

    private static RetrySchedule retry(ConfigReader config) {
        int attempts = DELIVERY_ATTEMPTS.from(config);
        Duration base = RETRY_DELAY.from(config);
        Duration max = RETRY_MAX_DELAY.from(config);
        if (max.compareTo(base) < 0) {
            config.problem(RETRY_MAX_DELAY.key(), config.found(RETRY_MAX_DELAY.key()), "at least --retry-delay ("
                    + base + ")");
            max = base;
        }
        return new RetrySchedule(attempts, base, max);
    }

    /** The longest one event can take until every sink is through with it: what a poll's records may take. */
    public Duration worstCasePerEvent() {
        Duration total = Duration.ZERO;
        // An attempt may take its time-out twice: to connect, then for the answer (or the publish's acknowledgement).
        if (webhook != null) {
            total = total.plus(retry.worstCase(webhook.timeout().multipliedBy(2)));
        }
        if (mqtt != null) {
            total = total.plus(retry.worstCase(mqtt.timeout().multipliedBy(2)));
        }
        return total;
    }
}
