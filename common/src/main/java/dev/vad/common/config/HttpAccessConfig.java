package dev.vad.common.config;

import dev.vad.common.http.Credentials;
import dev.vad.common.http.HttpAccess;
import dev.vad.common.http.TlsKeystore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** An HTTP endpoint's access settings, read from the configuration under the endpoint's prefix. */
public final class HttpAccessConfig {

    private HttpAccessConfig() {
    }

    /**
     * Reads an endpoint's access settings under a prefix ({@code viewer}: {@code --viewer-user} (default vad),
     * {@code VAD_VIEWER_PASSWORD}, else {@code --viewer-password-file}, {@code --viewer-tls-keystore} with
     * {@code VAD_VIEWER_TLS_PASSWORD} or {@code --viewer-tls-password-file}, {@code --viewer-insecure}). Passwords
     * are taken from the environment or files only, never from flags (which other users see in the process
     * list), and never appear in a message.
     *
     * @param bindAddress  where the endpoint listens
     * @param guarded      true when an endpoint bound beyond loopback must have a password unless
     *                     {@code --PREFIX-insecure} is set (the viewer); false when a password is optional (metrics)
     * @param generate     true to generate a password into a {@code --PREFIX-password-file} that does not exist yet
     */
    public static HttpAccess load(ConfigReader config, String prefix, String bindAddress, boolean guarded,
                                  boolean generate) {
        String user = user(prefix, "").from(config);
        String password = password(prefix, "").from(config);
        String passwordFile = passwordFile(prefix, "", false).from(config);
        Path generatedInto = null;
        if (password.isEmpty() && !passwordFile.isEmpty()) {
            Path file = Path.of(passwordFile);
            if (generate && !Files.exists(file)) {
                password = generatePassword(config, prefix, file);
                generatedInto = password.isEmpty() ? null : file;
            } else {
                password = SecretSetting.fromFile(config, prefix + "-password-file", file, "password");
            }
        }
        Credentials credentials = null;
        if (!password.isEmpty()) {
            try {
                credentials = Credentials.of(user, password);
            } catch (IllegalArgumentException e) {
                config.problem(prefix + "-user", config.found(prefix + "-user"), "a user name without ':'");
            }
        }
        boolean insecure = guarded && insecure(prefix, "").from(config);
        if (guarded && credentials == null && !insecure && !loopback(bindAddress)) {
            config.problem(prefix + "-bind", config.found(prefix + "-bind"), "a loopback address (127.0.0.1), or a"
                    + " password for it (" + ConfigReader.environmentName(prefix + "-password") + " or --" + prefix
                    + "-password-file), or --" + prefix + "-insecure to serve it to anyone who can reach it");
        }
        return new HttpAccess(credentials, tls(config, prefix), generatedInto);
    }

    /**
     * The declarations of an endpoint's access settings under {@code prefix}.
     *
     * @param endpoint what is served, for descriptions ({@code /metrics}, {@code the viewer})
     * @param guarded  as for {@link #load}: the endpoint needs a password beyond loopback unless told insecure
     */
    public static List<Setting<?>> settings(String prefix, String endpoint, boolean guarded) {
        List<Setting<?>> out = new ArrayList<>(List.of(user(prefix, endpoint), password(prefix, endpoint),
                passwordFile(prefix, endpoint, guarded)));
        if (guarded) {
            out.add(insecure(prefix, endpoint));
        }
        out.add(keystore(prefix, endpoint));
        out.add(tlsPassword(prefix));
        out.add(tlsPasswordFile(prefix));
        return out;
    }

    private static Setting<String> tlsPassword(String prefix) {
        return Setting.text(prefix + "-tls-password", "PASSWORD", "", "Password of the keystore").environmentOnly();
    }

    private static Setting<String> tlsPasswordFile(String prefix) {
        return Setting.text(prefix + "-tls-password-file", "FILE", "", "File whose first line is the keystore's"
                + " password");
    }

    private static Setting<String> user(String prefix, String endpoint) {
        return Setting.text(prefix + "-user", "NAME", "vad", "User " + endpoint + " asks for when it has a password");
    }

    private static Setting<String> password(String prefix, String endpoint) {
        return Setting.text(prefix + "-password", "PASSWORD", "", "Password of " + endpoint
                + "; from the environment or a file only, never a flag").environmentOnly();
    }

    private static Setting<String> passwordFile(String prefix, String endpoint, boolean guarded) {
        return Setting.text(prefix + "-password-file", "FILE", "", "File whose first line is the password of "
                + endpoint + (guarded ? ", generated there when the file does not exist; required beyond loopback"
                + " unless --" + prefix + "-insecure" : ""));
    }

    private static Setting<Boolean> insecure(String prefix, String endpoint) {
        return Setting.bool(prefix + "-insecure", false, "Serve " + endpoint + " beyond loopback without a"
                + " password");
    }

    private static Setting<String> keystore(String prefix, String endpoint) {
        return Setting.text(prefix + "-tls-keystore", "FILE", "", "PKCS#12 keystore to serve " + endpoint
                + " over HTTPS");
    }

    static boolean loopback(String bindAddress) {
        try {
            return InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static TlsKeystore tls(ConfigReader config, String prefix) {
        String keystore = keystore(prefix, "").from(config);
        if (keystore.isEmpty()) {
            return null;
        }
        String password = SecretSetting.load(config, tlsPassword(prefix), tlsPasswordFile(prefix), "password");
        try {
            return TlsKeystore.load(Path.of(keystore), password.toCharArray());
        } catch (IllegalArgumentException e) {
            config.problem(prefix + "-tls-keystore", config.found(prefix + "-tls-keystore"),
                    "a PKCS#12 keystore with its password in " + ConfigReader.environmentName(prefix + "-tls-password")
                            + " or --" + prefix + "-tls-password-file: " + e.getMessage());
            return null;
        }
    }

    /** Writes a new random password into a file created readable by its owner only. */
    private static String generatePassword(ConfigReader config, String prefix, Path file) {
        String password = Credentials.randomPassword();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return password;
        } catch (IOException e) {
            config.problem(prefix + "-password-file", config.found(prefix + "-password-file"),
                    "a file the password can be generated into (" + e.getMessage() + ")");
            return "";
        }
    }
}
