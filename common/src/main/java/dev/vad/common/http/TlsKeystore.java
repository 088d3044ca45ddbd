package dev.vad.common.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The server certificate and key an endpoint serves HTTPS with: a PKCS#12 keystore ({@code openssl pkcs12 -export}
 * turns a PEM certificate and key into one).
 */
public final class TlsKeystore {

    private final Path file;
    private final SSLContext context;

    private TlsKeystore(Path file, SSLContext context) {
        this.file = file;
        this.context = context;
    }

    /**
     * Loads the keystore and builds its TLS context at once, so a wrong password or a file that is not a keystore
     * is a configuration error at start, not a failed handshake later.
     *
     * @throws IllegalArgumentException saying what is wrong with the file
     */
    public static TlsKeystore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!store.aliases().hasMoreElements()) {
                throw new IllegalArgumentException(file + " holds no certificate and key");
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new TlsKeystore(file, context);
        } catch (IOException e) {
            String reason = e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password") ? "wrong keystore password"
                    : "not a readable PKCS#12 keystore (" + e.getMessage() + ")";
            throw new IllegalArgumentException(file + ": " + reason, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public SSLContext context() {
        return context;
    }
}
