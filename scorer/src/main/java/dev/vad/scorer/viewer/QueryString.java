package dev.vad.scorer.viewer;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request's query ({@code ?a=1&b=2}) as names and values, URL-decoded. A pair without {@code =} or with an empty
 * name is passed over; of a repeated name the last value counts. An id a request names is bounded: a longer one is
 * refused, not looked up.
 */
final class QueryString {

    private QueryString() {
    }

    /** @throws IllegalArgumentException when a {@code %} escape is malformed */
    static Map<String, String> of(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /**
     * A request's query; or, having answered 400, empty when the query is malformed or the value of {@code id} is
     * longer than {@code maxChars} ({@code what} names that id in the answer).
     */
    static Optional<Map<String, String>> of(HttpExchange exchange, String id, int maxChars, String what)
            throws IOException {
        Map<String, String> query;
        try {
            query = of(exchange.getRequestURI());
        } catch (IllegalArgumentException e) {
            Responses.text(exchange, 400, "malformed query\n");
            return Optional.empty();
        }
        if (query.getOrDefault(id, "").length() > maxChars) {
            Responses.text(exchange, 400, what + " is at most " + maxChars + " characters\n");
            return Optional.empty();
        }
        return Optional.of(query);
    }
}
