package eu.vetnet.gateway.headers;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The gateway's default Content-Security-Policy, from what it knows of itself: the public origin(s) and the issuer.
 *
 * <ul>
 *   <li>{@code script-src 'self'}: the built app is one module script file (frontend/dist/index.html has no inline
 *       script, SecurityHeadersTests keeps it so) and it never evaluates strings.</li>
 *   <li>{@code style-src 'self' 'unsafe-inline'}: Tiptap injects its base styles as a {@code <style>} element and its
 *       collaboration carets set {@code style} attributes; blocking them breaks the shared document. Styles cannot
 *       run code, so the hole is small.</li>
 *   <li>{@code img-src 'self' data: blob:}: board images are data: URLs carried in the board or paths of our own
 *       origin (the room server refuses any other, docs/rooms.md); a third-party image would make every viewer's
 *       browser call that party.</li>
 *   <li>{@code connect-src}: 'self' plus the ws/wss twin of each public origin: CSP 3 lets 'self' cover same-origin
 *       sockets, older Safari did not.</li>
 *   <li>{@code form-action 'self'} plus the issuer's origin: sign-out is a form POST to /logout that the gateway
 *       redirects to the issuer's end-session page, and browsers check form-action on that redirect too.</li>
 * </ul>
 */
public final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {
    }

    /** The policy for a gateway serving {@code publicOrigins}, signing people in at {@code issuerUri}. */
    public static String forGateway(List<String> publicOrigins, String issuerUri) {
        Set<String> sockets = new LinkedHashSet<>();
        for (String origin : publicOrigins) {
            String socket = socketOrigin(origin);
            if (socket != null) {
                sockets.add(socket);
            }
        }
        String issuer = origin(issuerUri);
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self'",
                "connect-src " + join("'self'", sockets),
                "object-src 'none'",
                "base-uri 'self'",
                "frame-ancestors 'none'",
                "form-action " + join("'self'", issuer == null ? Set.of() : Set.of(issuer)));
    }

    private static String join(String first, Set<String> more) {
        return more.isEmpty() ? first : first + " " + String.join(" ", more);
    }

    /** {@code https://host[:port]} of a URL, or null when it has none (no source expression rather than a wrong one). */
    static String origin(String uri) {
        URI parsed = parse(uri);
        if (parsed == null || parsed.getScheme() == null || parsed.getHost() == null) {
            return null;
        }
        return parsed.getScheme().toLowerCase(Locale.ROOT) + "://" + parsed.getHost()
                + (parsed.getPort() == -1 ? "" : ":" + parsed.getPort());
    }

    /** The WebSocket twin of an http(s) origin: ws://... for http, wss://... for https. */
    static String socketOrigin(String origin) {
        String o = origin(origin);
        if (o == null) {
            return null;
        }
        if (o.startsWith("https://")) {
            return "wss://" + o.substring(8);
        }
        return o.startsWith("http://") ? "ws://" + o.substring(7) : null;
    }

    private static URI parse(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        try {
            return URI.create(uri.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
