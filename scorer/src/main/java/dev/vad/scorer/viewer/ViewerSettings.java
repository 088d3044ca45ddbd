package dev.vad.scorer.viewer;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.HttpAccessConfig;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.http.HttpAccess;
import java.time.Duration;
import java.util.stream.Stream;

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
    private static final Duration MAX_HISTORY = Duration.ofHours(6);

    public static final Setting<String> BIND = Setting.text("viewer-bind", "ADDRESS", "127.0.0.1",
            "Address of the live viewer; 0.0.0.0 in containers").accepts("an IP address or host name");
    public static final Setting<Integer> PORT = Setting.integer("viewer-port", DEFAULT_PORT, -1, 65_535,
            "Port of the live viewer; 0 any free port, -1 off").label("PORT");
    public static final Setting<Duration> HISTORY = Setting.positiveDuration("viewer-history", Duration.ofMinutes(5),
            "How far back the viewer's score plots reach, at most 6h")
            .accepts("a positive duration of at most 6h (500ms, 30s, 2m, 1h)");

    /** Where the live viewer is served, who may see it, and how far back its plots reach. */
    public static final SettingGroup SETTINGS = new SettingGroup("viewer", Stream.concat(
            Stream.of(BIND, PORT, HISTORY), HttpAccessConfig.settings("viewer", "the viewer", true).stream()).toList());

    public static final ViewerSettings OFF = new ViewerSettings(BIND.defaultValue(), -1, HISTORY.defaultValue());

    /** An open viewer (no password, plain HTTP). */
    public ViewerSettings(String bindAddress, int port, Duration history) {
        this(bindAddress, port, history, HttpAccess.OPEN);
    }

    public boolean enabled() {
        return port >= 0;
    }

    /** Loads the settings of a viewer on {@code defaultPort} unless told otherwise. */
    public static ViewerSettings load(ConfigReader config, int defaultPort) {
        String bind = BIND.from(config);
        if (bind.isEmpty()) {
            config.problem(BIND.key(), config.found(BIND.key()), BIND.accepts());
        }
        Duration history = HISTORY.from(config);
        if (history.compareTo(MAX_HISTORY) > 0) {
            config.problem(HISTORY.key(), config.found(HISTORY.key()), "at most 6h");
        }
        int port = PORT.from(config, defaultPort);
        HttpAccess access = port < 0 ? HttpAccess.OPEN : HttpAccessConfig.load(config, "viewer", bind, true, true);
        return new ViewerSettings(bind, port, history, access);
    }
}
