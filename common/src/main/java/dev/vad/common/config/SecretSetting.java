package dev.vad.common.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A secret setting (a password, a signing key): from the environment ({@code VAD_WEBHOOK_SECRET}) or from the first
 * line of a file ({@code --webhook-secret-file}), never from a flag (which other users see in the process list),
 * and never in a message.
 */
public final class SecretSetting {

    private SecretSetting() {
    }

    /**
     * The secret under {@code key}: its environment variable, else the first line of {@code --KEY-file}, else an
     * empty string. An unreadable or empty file is a problem naming the file, never its content.
     *
     * @param what what the secret is, for messages ({@code password}, {@code secret})
     */
    public static String load(ConfigReader config, String key, String what) {
        String value = config.string(key, "");
        String file = config.string(key + "-file", "");
        if (value.isEmpty() && !file.isEmpty()) {
            return fromFile(config, key + "-file", Path.of(file), what);
        }
        return value;
    }

    /**
     * The secret declared as {@code secret} (read from its environment variable) and {@code file} (the file whose
     * first line it is), as {@link #load(ConfigReader, String, String)} reads them.
     */
    public static String load(ConfigReader config, Setting<String> secret, Setting<String> file, String what) {
        String value = secret.from(config);
        String path = file.from(config);
        if (value.isEmpty() && !path.isEmpty()) {
            return fromFile(config, file.key(), Path.of(path), what);
        }
        return value;
    }

    /** The first line of a file holding a secret, read for the setting {@code fileKey}. */
    public static String fromFile(ConfigReader config, String fileKey, Path file, String what) {
        try {
            String secret = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (secret.isEmpty()) {
                config.problem(fileKey, config.found(fileKey), "a file whose first line is the " + what
                        + "; it is empty");
            }
            return secret;
        } catch (IOException e) {
            config.problem(fileKey, config.found(fileKey), "a readable file holding the " + what + " ("
                    + e.getMessage() + ")");
            return "";
        }
    }
}
