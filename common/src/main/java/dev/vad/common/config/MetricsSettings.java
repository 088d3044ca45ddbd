package dev.vad.common.config;

import dev.vad.common.http.HttpAccess;
import java.util.stream.Stream;

/**
 * Where a service serves {@code /metrics} and {@code /health}.
 *
 * @param bindAddress address to listen on: loopback by default, {@code 0.0.0.0} in containers
 * @param port        TCP port; 0 picks a free one, -1 turns the endpoint off
 * @param access      who may scrape {@code /metrics} ({@code /health} stays open for health checks), and whether
 *                    over HTTPS: open by default; {@code VAD_METRICS_PASSWORD} or {@code --metrics-password-file}
 *                    asks for {@code --metrics-user} (vad) and it
 */
public record MetricsSettings(String bindAddress, int port, HttpAccess access) {

    public MetricsSettings(String bindAddress, int port) {
        this(bindAddress, port, HttpAccess.OPEN);
    }

    public static final String DEFAULT_BIND = "127.0.0.1";

    public boolean enabled() {
        return port >= 0;
    }

    public static final Setting<String> BIND = Setting.text("metrics-bind", "ADDRESS", DEFAULT_BIND,
            "Address of /metrics and /health; 0.0.0.0 in containers").accepts("an IP address or host name");
    public static final Setting<Integer> PORT = Setting.integer("metrics-port", -1, -1, 65_535,
            "Port of /metrics and /health; 0 any free port, -1 off").label("PORT")
            .defaultText("9401 ingest, 9402 train, 9403 score, 9405 notify");

    /** Where a service serves its metrics, and who may read them. */
    public static final SettingGroup SETTINGS = new SettingGroup("metrics", Stream.concat(Stream.of(BIND, PORT),
            HttpAccessConfig.settings("metrics", "/metrics", false).stream()).toList());

    /** Loads the settings of a service whose endpoint is on {@code defaultPort} unless told otherwise. */
    public static MetricsSettings load(ConfigReader config, int defaultPort) {
        String bind = BIND.from(config);
        if (bind.isEmpty()) {
            config.problem(BIND.key(), config.found(BIND.key()), BIND.accepts());
        }
        return new MetricsSettings(bind, PORT.from(config, defaultPort),
                HttpAccessConfig.load(config, "metrics", bind, false, false));
    }
}
