package dev.vad.common.http;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Who may use an HTTP endpoint and how it is reached: open, or one user with a password (HTTP basic
 * authentication); over HTTP, or HTTPS from a PKCS#12 keystore.
 *
 * @param credentials   the accepted user and password, or null when the endpoint is open
 * @param tls           the keystore HTTPS is served with, or null for plain HTTP
 * @param generatedInto the file a password was generated into on this start, or null
 */
public record HttpAccess(Credentials credentials, TlsKeystore tls, Path generatedInto) {

    public static final HttpAccess OPEN = new HttpAccess(null, null, null);

    /** Whether requests must authenticate. */
    public boolean authenticated() {
        return credentials != null;
    }

    public String scheme() {
        return tls == null ? "http" : "https";
    }

    /** A server on the address, speaking HTTPS when a keystore is set; not started. */
    public HttpServer create(InetSocketAddress address, int backlog) throws IOException {
        if (tls == null) {
            return HttpServer.create(address, backlog);
        }
        HttpsServer server = HttpsServer.create(address, backlog);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.context()));
        return server;
    }

    /** Makes a context ask for the credentials, when there are any. */
    public HttpContext guard(HttpContext context, String realm) {
        if (credentials != null) {
            context.setAuthenticator(new BasicAuthenticator(realm, StandardCharsets.UTF_8) {
                @Override
                public boolean checkCredentials(String user, String password) {
                    return credentials.accepts(user, password);
                }
            });
        }
        return context;
    }
}
