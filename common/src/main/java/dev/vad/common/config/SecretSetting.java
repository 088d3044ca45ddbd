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
     * The secret declared as {@code secret} (an environment-only setting), else the first line of the file declared
     * as {@code file}, else an empty string. An unreadable or empty file is a problem naming the file, never its
     * content.
     *
     * @param what what the secret is, for messages ({@code password}, {@code secret})
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
