package eu.vetnet.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.gateway.GatewayException;
import org.junit.jupiter.api.Test;

class SessionCookiesTests {

    private final SessionProperties properties = new SessionProperties();

    @Test
    void plainNamesOverPlainHttp() {
        assertEquals("SESSION", SessionCookies.sessionCookieName(properties));
        assertEquals("XSRF-TOKEN", SessionCookies.csrfCookieName(properties));
    }

    @Test
    void hostPrefixedNamesWhenSecure() {
        properties.setCookieSecure(true);

        assertEquals("__Host-SESSION", SessionCookies.sessionCookieName(properties));
        assertEquals("__Host-XSRF-TOKEN", SessionCookies.csrfCookieName(properties));
    }

    @Test
    void aConfiguredNameWins() {
        properties.setCookieSecure(true);
        properties.setCookieName("VETNET");

        assertEquals("VETNET", SessionCookies.sessionCookieName(properties));
    }

    /** Browsers drop a __Host- cookie that is not Secure: nobody could stay signed in. */
    @Test
    void aHostPrefixedNameWithoutSecureCookiesIsRefused() {
        properties.setCookieName("__Host-SESSION");

        String message = assertThrows(GatewayException.class, () -> SessionCookies.sessionCookieName(properties)).getMessage();
        assertTrue(message.contains("VETNET_SESSION_COOKIE_SECURE=true"), message);
    }
}
