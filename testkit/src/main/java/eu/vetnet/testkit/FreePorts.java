package eu.vetnet.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port for a server a test starts later under a number it must know first (a redirect URI, a command line).
 *
 * <p>Not the kernel's {@code bind(0)}: that port is free only until it is closed, and the kernel hands the same range
 * (32768-60999 on Linux) to every outgoing connection and every other {@code bind(0)} in the meantime, so a server
 * started seconds later sometimes found its port taken (seen in the gateway's tests: "Port 44387 is already in use").
 * These ports come from below that range, where only ports a program asks for by number live.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;
    private static final int TRIES = 200;

    private FreePorts() {
    }

    /** A port below the ephemeral range that nothing listens on now, on any address. */
    public static int pick() {
        for (int i = 0; i < TRIES; i++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(false);
                probe.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new TestkitException("no free port between " + FIRST + " and " + LAST + " after " + TRIES + " tries");
    }
}
