package dev.vad.notifier;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.SecretSetting;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and how events are posted.
 *
 * @param url     {@code http://} or {@code https://} URL each event is POSTed to (no default: off)
 * @param secret  HMAC-SHA256 key of the {@code X-Vad-Signature} header, from {@code VAD_WEBHOOK_SECRET} or the first
 *                line of {@code --webhook-secret-file}; required with a URL, never printed
 * @param timeout how long one attempt (connecting, sending, the response's status) may take (default 10 s)
 */
public record WebhookSettings(URI url, String secret, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern PARTS = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)?([^@/?#]*@)?([^/?#]*)(.*)$",
            Pattern.DOTALL);

    public static final Setting<String> URL = Setting.text("webhook-url", "URL", "",
            "POST each event here (http or https)").accepts("an http:// or https:// URL with a host");
    public static final Setting<String> SECRET = Setting.text("webhook-secret", "SECRET", "", "Key that signs the"
            + " requests (HMAC-SHA256); from the environment or a file only, never a flag").environmentOnly();
    public static final Setting<String> SECRET_FILE = Setting.text("webhook-secret-file", "FILE", "",
            "File whose first line signs the requests (or env VAD_WEBHOOK_SECRET); required with a URL");
    public static final Setting<Duration> TIMEOUT = Setting.positiveDuration("webhook-timeout", DEFAULT_TIMEOUT,
            "Time-out of one POST");

    /** Where and how events are posted. */
    public static final SettingGroup SETTINGS = SettingGroup.of("webhook", URL, SECRET, SECRET_FILE, TIMEOUT);

    /** The webhook's settings, or null when no {@code --webhook-url} is given; problems are recorded in config. */
    public static WebhookSettings load(ConfigReader config) {
        String raw = URL.from(config);
        Duration timeout = TIMEOUT.from(config);
        if (raw.isEmpty()) {
            return null;
        }
        URI url = parse(config, raw);
        String secret = SecretSetting.load(config, SECRET, SECRET_FILE, "webhook secret");
        if (secret.isEmpty() && SECRET_FILE.from(config).isEmpty()) {
            config.problem(SECRET_FILE.key(), "nothing", "the key that signs webhook requests: a file whose"
                    + " first line it is, or the environment variable " + SECRET.environmentName());
        }
        return url == null ? null : new WebhookSettings(url, secret, timeout);
    }

    private static URI parse(ConfigReader config, String raw) {
        String expected = URL.accepts() + ", e.g. https://alerts.example.com/vad";
        String found = "'" + shown(raw) + "' (" + (config.found(URL.key()).endsWith("(flag)") ? "flag"
                : "environment") + ")";
        try {
            URI url = new URI(raw);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                config.problem(URL.key(), found, expected);
                return null;
            }
            return url;
        } catch (URISyntaxException e) {
            config.problem(URL.key(), found, expected + " (" + e.getReason() + " at index " + e.getIndex() + ")");
            return null;
        }
    }

    /**
     * A URL as messages show it: scheme and host only, {@code https://hooks.example.com/…}. Webhook URLs often carry
     * a token in their path or query (chat services' incoming hooks do), and user info is a password.
     */
    public static String shown(String url) {
        Matcher m = PARTS.matcher(url);
        if (!m.matches()) {
            return "…";
        }
        return (m.group(1) == null ? "" : m.group(1)) + (m.group(2) == null ? "" : "***@") + m.group(3)
                + (m.group(4).isEmpty() ? "" : "/…");
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=" + shown(url.toString()) + ", secret=[hidden], timeout=" + timeout + "]";
    }
}
