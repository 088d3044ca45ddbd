package dev.vad.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP endpoint on loopback that records every request it gets and answers each with a status the test sets
 * (204 unless told otherwise), at once or after a delay: the receiving end of a webhook. It can listen on a port chosen before it starts, so a
 * test can point a client at it while it is still down.
 */
public final class HttpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private volatile Duration delay = Duration.ZERO;

    private HttpReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        Map.copyOf(exchange.getRequestHeaders()), body));
                Thread.sleep(delay.toMillis());
                exchange.sendResponseHeaders(status.get(), -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** A receiver on a free port. */
    public static HttpReceiver start() throws IOException {
        return new HttpReceiver(0);
    }

    /** A receiver on {@code port} (from {@link LoopbackPorts#free()}, for a receiver that comes up late). */
    public static HttpReceiver startOn(int port) throws IOException {
        return new HttpReceiver(port);
    }

    /** {@code http://127.0.0.1:PORT} and the path. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers every later request with {@code code}. */
    public void answer(int code) {
        status.set(code);
    }

    /** Answers every later request only after {@code wait}, as a receiver that is too slow. */
    public void delay(Duration wait) {
        delay = wait;
    }

    /** Every request so far, in the order they came. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * One request as received.
     *
     * @param headers as the JDK's server keeps them: names with the first letter upper case, the rest lower
     */
    public record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {

        /** The first value of a header, whatever the case of its name, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }
}
