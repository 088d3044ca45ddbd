package dev.vad.notifier;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.SecretSetting;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
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

    public static final Setting<String> SERVER_URI = Setting.text("mqtt-uri", "URI", "",
            "MQTT broker: tcp://HOST:PORT, ssl://HOST:PORT, ws:// or wss://")
            .accepts("tcp://HOST:PORT, ssl://HOST:PORT, ws://HOST:PORT/PATH or wss://HOST:PORT/PATH");
    public static final Setting<String> TOPIC_PREFIX = Setting.text("mqtt-topic-prefix", "PREFIX", DEFAULT_PREFIX,
            "Events go to PREFIX/<stream id>/events").accepts("MQTT topic levels such as vad or site-1/vad");
    public static final Setting<String> CLIENT_ID = Setting.text("mqtt-client-id", "ID", null, "MQTT client id")
            .defaultText("vad-notifier- and 8 random hex digits").accepts("a client id of 1 to 65535 characters");
    public static final Setting<String> USER = Setting.text("mqtt-user", "NAME", "", "MQTT user name")
            .defaultText("none");
    public static final Setting<String> PASSWORD = Setting.text("mqtt-password", "PASSWORD", "", "MQTT password;"
            + " from the environment or a file only, never a flag").environmentOnly();
    public static final Setting<String> PASSWORD_FILE = Setting.text("mqtt-password-file", "FILE", "",
            "File whose first line is the MQTT password (or env VAD_MQTT_PASSWORD)");
    public static final Setting<Duration> TIMEOUT = Setting.positiveDuration("mqtt-timeout", DEFAULT_TIMEOUT,
            "Time-out of connecting and of one publish's acknowledgement");

    /** The MQTT broker events are published to. */
    public static final SettingGroup SETTINGS = SettingGroup.of("MQTT", SERVER_URI, TOPIC_PREFIX, CLIENT_ID, USER,
            PASSWORD, PASSWORD_FILE, TIMEOUT);

    /**
     * The broker's settings, or null when no {@code --mqtt-uri} is given; problems are recorded in config.
     *
     * @param defaultClientId the client id when none is configured
     */
    public static MqttSettings load(ConfigReader config, String defaultClientId) {
        String uri = SERVER_URI.from(config);
        String prefix = TOPIC_PREFIX.from(config);
        String prefixProblem = MqttTopics.prefixProblem(prefix);
        if (prefixProblem != null) {
            config.problem(TOPIC_PREFIX.key(), config.found(TOPIC_PREFIX.key()), TOPIC_PREFIX.accepts() + ", but "
                    + prefixProblem);
        }
        String clientId = CLIENT_ID.from(config, defaultClientId);
        if (clientId.isEmpty() || clientId.length() > 65_535) {
            config.problem(CLIENT_ID.key(), config.found(CLIENT_ID.key()), CLIENT_ID.accepts());
        }
        String user = USER.from(config);
        String password = SecretSetting.load(config, PASSWORD, PASSWORD_FILE, "MQTT password");
        if (!password.isEmpty() && user.isEmpty()) {
            config.problem(USER.key(), "nothing", "a user name to go with the MQTT password");
        }
        Duration timeout = TIMEOUT.from(config);
        if (uri.isEmpty()) {
            return null;
        }
        if (!valid(uri)) {
            config.problem(SERVER_URI.key(), config.found(SERVER_URI.key()), SERVER_URI.accepts()
                    + ", e.g. tcp://127.0.0.1:1883");
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
