package dev.vad.common.http;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** The address a server prints for people to open: a wildcard bind shows as loopback, which works on that host. */
public final class EndpointUrl {

    private EndpointUrl() {
    }

    public static String of(String scheme, InetSocketAddress bound, String path) {
        String host;
        if (bound.getAddress() == null || bound.getAddress().isAnyLocalAddress()) {
            host = "127.0.0.1";
        } else if (bound.getAddress() instanceof Inet6Address) {
            host = "[" + bound.getAddress().getHostAddress() + "]";
        } else {
            host = bound.getHostString();
        }
        return scheme + "://" + host + ":" + bound.getPort() + path;
    }
}
