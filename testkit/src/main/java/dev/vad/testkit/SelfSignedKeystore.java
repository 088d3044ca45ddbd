package dev.vad.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PKCS#12 keystore with a self-signed certificate for 127.0.0.1 and localhost, made by the JDK's own
 * {@code keytool}, and a client TLS context that trusts exactly that certificate.
 *
 * @param file     the keystore
 * @param password its password (store and key)
 */
public record SelfSignedKeystore(Path file, String password) {

    private static final String ALIAS = "vad";

    public static SelfSignedKeystore create(Path directory, String password) throws IOException, InterruptedException {
        Path file = directory.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext",
                "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                file.toString(), "-storepass", password, "-keypass", password))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool could not make a keystore: " + output);
        }
        return new SelfSignedKeystore(file, password);
    }

    /** A client context that trusts this keystore's certificate and nothing else. */
    public SSLContext trustingClient() throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /**
     * Writes a PKCS#12 truststore holding this keystore's certificate (and no key) to {@code truststore}: what
     * clients of a server using this keystore trust. A truststore of another keystore made here trusts a different
     * self-signed certificate, so a client holding it refuses this server.
     */
    public Path writeTruststore(Path truststore, String truststorePassword) throws IOException,
            GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("vad-ca", load().getCertificate(ALIAS));
        try (OutputStream out = Files.newOutputStream(truststore)) {
            trusted.store(out, truststorePassword.toCharArray());
        }
        return truststore;
    }

    private KeyStore load() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
