package dev.vad.common.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How to reach Kafka: bootstrap servers plus any client setting (SASL, TLS, timeouts) passed through unchanged.
 *
 * <p>Client settings come from, lowest precedence first: a properties file ({@code --client-config FILE} /
 * {@code VAD_CLIENT_CONFIG}), environment variables {@code VAD_KAFKA_<NAME>} ({@code VAD_KAFKA_SASL_MECHANISM}
 * is {@code sasl.mechanism}), and {@code --kafka-property name=value} flags. Secrets never appear in
 * {@link #toString()}.
 *
 * @param bootstrapServers  {@code host:port[,host:port...]}, or null when none was given (the demo then starts an
 *                          embedded broker)
 * @param clientProperties  extra Kafka client settings
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> clientProperties) {

    private static final Pattern HOST_PORT_LIST = Pattern.compile("[^,\\s:]+:\\d{1,5}(,[^,\\s:]+:\\d{1,5})*");
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|jaas|token|credential|key$).*");

    public KafkaSettings {
        clientProperties = Collections.unmodifiableMap(new TreeMap<>(clientProperties));
    }

    /**
     * Loads the settings. {@code extraProperties} are the {@code name=value} pairs given with
     * {@code --kafka-property}; {@code bootstrapRequired} records a problem when no servers are given.
     */
    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.text("bootstrap-servers", "HOST:PORT[,...]",
            null, "Kafka bootstrap servers; KAFKA_BOOTSTRAP_SERVERS is honoured too")
            .accepts("host:port[,host:port...]").defaultText("none; demo and eval --via-kafka start an embedded"
                    + " broker");
    public static final Setting<String> CLIENT_CONFIG = Setting.text("client-config", "FILE", null,
            "Kafka client properties file (SASL, TLS, ...); VAD_KAFKA_<NAME> and --kafka-property NAME=VALUE"
                    + " add to it and win");

    /** How the services reach Kafka (beside the repeatable --kafka-property flag and VAD_KAFKA_*). */
    public static final SettingGroup SETTINGS = SettingGroup.of("Kafka", BOOTSTRAP_SERVERS, CLIENT_CONFIG);

    public static KafkaSettings load(ConfigReader config, Iterable<String> extraProperties, boolean bootstrapRequired) {
        String servers = BOOTSTRAP_SERVERS.from(config, config.environmentVariable("KAFKA_BOOTSTRAP_SERVERS"));
        if (servers != null && servers.isBlank()) {
            servers = null;
        }
        if (servers == null && bootstrapRequired) {
            config.problem("bootstrap-servers", "nothing", "host:port[,host:port...] (or KAFKA_BOOTSTRAP_SERVERS)");
        } else if (servers != null && !HOST_PORT_LIST.matcher(servers).matches()) {
            config.problem("bootstrap-servers", config.found("bootstrap-servers"), "host:port[,host:port...]");
        }
        Map<String, String> properties = new TreeMap<>(fromFile(config));
        config.environmentWithPrefix("VAD_KAFKA_").forEach((name, value) ->
                properties.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value));
        for (String pair : extraProperties) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                config.problem("kafka-property", "'" + pair + "'", "name=value, e.g. security.protocol=SASL_SSL");
            } else {
                properties.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        properties.remove("bootstrap.servers");
        return new KafkaSettings(servers, properties);
    }

    private static Map<String, String> fromFile(ConfigReader config) {
        String file = CLIENT_CONFIG.from(config);
        Map<String, String> out = new TreeMap<>();
        if (file == null) {
            return out;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file))) {
            properties.load(reader);
        } catch (IOException | RuntimeException e) {
            config.problem("client-config", config.found("client-config"),
                    "a readable Kafka client properties file (" + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + ")");
        }
        properties.stringPropertyNames().forEach(name -> out.put(name, properties.getProperty(name)));
        return out;
    }

    /** The same settings pointing at other servers (e.g. an embedded broker started by the demo). */
    public KafkaSettings withBootstrapServers(String servers) {
        return new KafkaSettings(servers, clientProperties);
    }

    /** True for settings whose values must never be logged. */
    public static boolean isSecret(String name) {
        return SECRET.matcher(name).matches();
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        clientProperties.forEach((name, value) -> shown.put(name, isSecret(name) ? "[hidden]" : value));
        return "KafkaSettings[bootstrapServers=" + bootstrapServers + ", clientProperties=" + shown + "]";
    }
}
