package dev.vad.scorer.viewer;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * What every viewer request passes before it is served: a bounded request rate (a token bucket over all clients:
 * over it, 429), a bounded request line (414), and headers that keep the page out of other sites' frames and stop
 * browsers guessing content types.
 */
final class RequestGate extends Filter {

    static final int MAX_URI_CHARS = 2_048;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    /**
     * @param perSecond requests per second allowed on average
     * @param burst     requests allowed at once after a quiet spell
     * @param nanoTime  the monotonic clock ({@code System::nanoTime})
     */
    RequestGate(double perSecond, int burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.refilledAt = nanoTime.getAsLong();
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        if (!admit()) {
            headers.set("Retry-After", "1");
            refuse(exchange, 429, "too many requests\n");
            return;
        }
        if (exchange.getRequestURI().toString().length() > MAX_URI_CHARS) {
            refuse(exchange, 414, "request line too long\n");
            return;
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "rate, size and header limits of the viewer";
    }

    synchronized boolean admit() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    private static void refuse(HttpExchange exchange, int status, String message) throws IOException {
        try (exchange) {
            byte[] body = message.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
