package dev.vad.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The compose stack's network on one machine: every {@code service:port} that a container reaches by the
 * service's host name is an address on loopback here. A service's own ports move to free loopback ports (the
 * services share one host, and other tests may hold the defaults); Kafka's move to the test's broker.
 */
final class LoopbackNetwork {

    private final Set<String> hosts;
    private final Pattern hostPort;
    private final Map<String, Map<Integer, String>> addresses = new LinkedHashMap<>();
    private final Map<String, String> closed = new TreeMap<>();

    /** @param hosts every service name of the compose file (each is a host name on its network) */
    LoopbackNetwork(Collection<String> hosts) {
        this.hosts = Set.copyOf(hosts);
        String names = hosts.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        this.hostPort = Pattern.compile("(?<![\\w.-])(" + names + "):(\\d{1,5})(?!\\d)");
    }

    /** Puts a service's container port on a free loopback port; returns that port. */
    int publish(String service, int containerPort) {
        int port = FreePorts.one();
        bind(service, containerPort, "127.0.0.1:" + port);
        return port;
    }

    /** Puts a service's container port at an address that already listens (the test's broker). */
    void bind(String service, int containerPort, String address) {
        if (!hosts.contains(service)) {
            throw new IllegalArgumentException(service + " is not a service of the compose file: " + hosts);
        }
        addresses.computeIfAbsent(service, s -> new TreeMap<>()).put(containerPort, address);
        closed.remove(service + ":" + containerPort);
    }

    /**
     * Where a service's container port is here. A port the service does not listen on is a free loopback port
     * nothing listens on either: a connection is refused, as it would be in the container's network, and the
     * client's own failure shows (see {@link #closed()}).
     */
    String address(String service, int containerPort) {
        String address = addresses.getOrDefault(service, Map.of()).get(containerPort);
        if (address == null) {
            address = closed.computeIfAbsent(service + ":" + containerPort, key -> "127.0.0.1:" + FreePorts.one());
        }
        return address;
    }

    /** The container ports a service listens on. */
    Set<Integer> containerPorts(String service) {
        return addresses.getOrDefault(service, Map.of()).keySet();
    }

    /** {@code service:port} addresses asked for that nothing listens on, each with the ports the service has. */
    String closed() {
        return closed.keySet().stream().map(key -> key + " (" + key.substring(0, key.indexOf(':')) + " listens on "
                + containerPorts(key.substring(0, key.indexOf(':'))) + ")").collect(Collectors.joining(", "));
    }

    /** Text with every {@code service:port} replaced by where it is here ({@code kafka:9092 -> 127.0.0.1:41233}). */
    String resolve(String text) {
        Matcher m = hostPort.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String address = address(m.group(1), Integer.parseInt(m.group(2)));
            m.appendReplacement(out, Matcher.quoteReplacement(address));
        }
        return m.appendTail(out).toString();
    }
}
