package dev.vad.common.config;

import dev.vad.common.http.HttpAccess;

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

    public static MetricsSettings load(ConfigReader config, int defaultPort) {
        String bind = config.string("metrics-bind", DEFAULT_BIND);
        if (bind.isEmpty()) {
            config.problem("metrics-bind", config.found("metrics-bind"), "an IP address or host name");
        }
        return new MetricsSettings(bind, config.integer("metrics-port", defaultPort, -1, 65_535),
                HttpAccessConfig.load(config, "metrics", bind, false, false));
    }
}
