package dev.vad.notifier;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.SecretSetting;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The MQTT broker events are published to, at QoS 1, on {@code <topicPrefix>/<stream id>/events}.
 *
 * @param serverUri   {@code tcp://host:1883}, {@code ssl://host:8883}, {@code ws://} or {@code wss://} (no default:
 *                    off)
 * @param topicPrefix first level(s) of every topic (default {@code vad})
 * @param clientId    MQTT client id, unique per broker (default {@code vad-notifier-} and 8 random hex digits)
 * @param user        user name, or null for none
 * @param password    password from {@code VAD_MQTT_PASSWORD} or the first line of {@code --mqtt-password-file}, or
 *                    empty for none; never printed
 * @param timeout     how long connecting, and one publish's acknowledgement, may take (default 10 s)
 */
public record MqttSettings(String serverUri, String topicPrefix, String clientId, String user, String password,
                           Duration timeout) {

    public static final String DEFAULT_PREFIX = "vad";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    /**
     * The broker's settings, or null when no {@code --mqtt-uri} is given; problems are recorded in config.
     *
     * @param defaultClientId the client id when none is configured
     */
    public static MqttSettings load(ConfigReader config, String defaultClientId) {
        String uri = config.string("mqtt-uri", "");
        String prefix = config.string("mqtt-topic-prefix", DEFAULT_PREFIX);
        String prefixProblem = MqttTopics.prefixProblem(prefix);
        if (prefixProblem != null) {
            config.problem("mqtt-topic-prefix", config.found("mqtt-topic-prefix"), "MQTT topic levels such as vad or"
                    + " site-1/vad, but " + prefixProblem);
        }
        String clientId = config.string("mqtt-client-id", defaultClientId);
        if (clientId.isEmpty() || clientId.length() > 65_535) {
            config.problem("mqtt-client-id", config.found("mqtt-client-id"), "a client id of 1 to 65535 characters");
        }
        String user = config.string("mqtt-user", "");
        String password = SecretSetting.load(config, "mqtt-password", "MQTT password");
        if (!password.isEmpty() && user.isEmpty()) {
            config.problem("mqtt-user", "nothing", "a user name to go with the MQTT password");
        }
        Duration timeout = config.positiveDuration("mqtt-timeout", DEFAULT_TIMEOUT);
        if (uri.isEmpty()) {
            return null;
        }
        if (!valid(uri)) {
            config.problem("mqtt-uri", config.found("mqtt-uri"), "tcp://HOST:PORT, ssl://HOST:PORT, ws://HOST:PORT/PATH"
                    + " or wss://HOST:PORT/PATH, e.g. tcp://127.0.0.1:1883");
            return null;
        }
        return new MqttSettings(uri, prefix, clientId, user.isEmpty() ? null : user, password, timeout);
    }

    private static boolean valid(String uri) {
        try {
            URI parsed = new URI(uri);
            return parsed.getScheme() != null && SCHEMES.contains(parsed.getScheme().toLowerCase(Locale.ROOT))
                    && parsed.getHost() != null && parsed.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "MqttSettings[serverUri=" + serverUri + ", topicPrefix=" + topicPrefix + ", clientId=" + clientId
                + ", user=" + user + ", password=" + (password.isEmpty() ? "none" : "[hidden]") + ", timeout="
                + timeout + "]";
    }
}
