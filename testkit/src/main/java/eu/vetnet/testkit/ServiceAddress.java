package eu.vetnet.testkit;

import java.net.InetSocketAddress;
import java.net.URI;

/** Where a running service listens. */
public record ServiceAddress(String host, int port) {

    public ServiceAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The address as a socket address, resolved now. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    /** {@code scheme://host:port} followed by {@code path} (which should start with '/'). */
    public URI uri(String scheme, String path) {
        return URI.create(scheme + "://" + host + ":" + port + path);
    }
}
