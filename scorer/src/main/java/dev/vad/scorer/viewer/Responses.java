package dev.vad.scorer.viewer;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The viewer's whole responses: a request other than {@code GET} gets 405 and no body; any other the status, the
 * content type and the body, never cached. The exchange is closed after.
 */
final class Responses {

    static final String TEXT = "text/plain; charset=utf-8";

    private Responses() {
    }

    static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** A plain-text message (UTF-8). */
    static void text(HttpExchange exchange, int status, String message) throws IOException {
        respond(exchange, status, TEXT, message.getBytes(StandardCharsets.UTF_8));
    }
}
