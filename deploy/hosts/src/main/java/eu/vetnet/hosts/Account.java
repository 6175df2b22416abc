package eu.vetnet.hosts;

import eu.vetnet.testkit.GatewayBrowser;
import java.net.URI;

/**
 * A signed-in person: one browser's cookie jar (a gateway session) that many room sockets use, as tabs do. Signs in
 * again when a socket is refused (sessions live in Redis: a Redis restart ends them); the issuer's own session makes
 * that silent, as in a browser.
 */
final class Account {

    private final GatewayBrowser browser;
    private final String username;
    private final String password;
    private long signedInAt;
    int signIns;

    Account(String publicUrl, String username, String password) {
        this.browser = new GatewayBrowser(URI.create(publicUrl));
        this.username = username;
        this.password = password;
    }

    synchronized Account signIn() throws Exception {
        browser.signIn(username, password);
        if (browser.cookie("SESSION").isEmpty()) {
            throw new IllegalStateException(username + " is not signed in after the sign-in flow: " + browser.visited);
        }
        signedInAt = System.nanoTime();
        signIns++;
        return this;
    }

    /** After a refused socket: signs in unless that happened in the last two seconds (other tabs were refused too). */
    synchronized void signInAgain() {
        if (System.nanoTime() - signedInAt < 2_000_000_000L) {
            return;
        }
        try {
            signIn();
        } catch (Exception e) {
            System.out.println("  sign-in of " + username + " failed (retried with the next socket): " + e);
            signedInAt = System.nanoTime();
        }
    }

    synchronized String cookieHeader() {
        return browser.cookieHeader();
    }

    GatewayBrowser browser() {
        return browser;
    }
}
