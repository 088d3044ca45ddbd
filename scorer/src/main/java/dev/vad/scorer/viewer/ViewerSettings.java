package dev.vad.scorer.viewer;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.HttpAccessConfig;
import dev.vad.common.http.HttpAccess;
import java.time.Duration;

/**
 * Where the live viewer is served and how much score history it keeps.
 *
 * @param bindAddress address to listen on: loopback by default, {@code 0.0.0.0} in containers
 * @param port        TCP port; 0 picks a free one, -1 turns the viewer off
 * @param history     how far back each stream's score plot reaches
 * @param access      who may see it: a loopback viewer is open by default; one bound beyond loopback needs a
 *                    password ({@code VAD_VIEWER_PASSWORD}, or {@code --viewer-password-file}, generated into the
 *                    file when it does not exist) unless {@code --viewer-insecure}; HTTPS with
 *                    {@code --viewer-tls-keystore}
 */
public record ViewerSettings(String bindAddress, int port, Duration history, HttpAccess access) {

    public static final int DEFAULT_PORT = 9404;
    public static final ViewerSettings OFF = new ViewerSettings("127.0.0.1", -1, Duration.ofMinutes(5));

    /** An open viewer (no password, plain HTTP). */
    public ViewerSettings(String bindAddress, int port, Duration history) {
        this(bindAddress, port, history, HttpAccess.OPEN);
    }

    public boolean enabled() {
        return port >= 0;
    }

    public static ViewerSettings load(ConfigReader config, int defaultPort) {
        String bind = config.string("viewer-bind", "127.0.0.1");
        if (bind.isEmpty()) {
            config.problem("viewer-bind", config.found("viewer-bind"), "an IP address or host name");
        }
        Duration history = config.positiveDuration("viewer-history", Duration.ofMinutes(5));
        if (history.compareTo(Duration.ofHours(6)) > 0) {
            config.problem("viewer-history", config.found("viewer-history"), "at most 6h");
        }
        int port = config.integer("viewer-port", defaultPort, -1, 65_535);
        HttpAccess access = port < 0 ? HttpAccess.OPEN : HttpAccessConfig.load(config, "viewer", bind, true, true);
        return new ViewerSettings(bind, port, history, access);
    }
}
