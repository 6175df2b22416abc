package eu.vetnet.identity.production;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a URL names this machine. The gateway and the identity server decide by it whether they run locally
 * (development defaults allowed) or as a deployment (production mode): one rule for both.
 */
public final class Loopback {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private Loopback() {
    }

    /** True for {@code http://localhost:8080}, {@code http://127.0.0.1}, {@code http://[::1]:8090}. */
    public static boolean isLoopbackUri(String uri) {
        if (uri == null || uri.isBlank()) {
            return false;
        }
        try {
            return isLoopbackHost(URI.create(uri.trim()).getHost());
        } catch (IllegalArgumentException e) {
            // Not a URL we can read: call it public, so that production rules check it rather than wave it through.
            return false;
        }
    }

    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || IPV4_LOOPBACK.matcher(h).matches();
    }

    /** An {@code http://} URL to another machine: what travels over it can be read and changed on the way. */
    public static boolean isPlainHttpToAnotherHost(String uri) {
        return uri != null && uri.trim().regionMatches(true, 0, "http://", 0, 7) && !isLoopbackUri(uri);
    }
}
