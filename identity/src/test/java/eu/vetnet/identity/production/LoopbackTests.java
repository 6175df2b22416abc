package eu.vetnet.identity.production;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopbackTests {

    @Test
    void thisMachineInEveryUsualSpelling() {
        for (String uri : new String[] {"http://localhost:8080", "http://LOCALHOST", "http://127.0.0.1:8090",
                "http://127.1.2.3", "http://[::1]:8090", " http://localhost:8080 "}) {
            assertTrue(Loopback.isLoopbackUri(uri), uri);
        }
    }

    @Test
    void anyOtherHostOrNoReadableHostIsPublic() {
        for (String uri : new String[] {"https://vetnet.example.org", "http://127.evil.example", "http://10.0.0.5:8080",
                "http://localhost.example.org", "*", "not a url", ""}) {
            assertFalse(Loopback.isLoopbackUri(uri), uri);
        }
    }

    @Test
    void plainHttpCountsOnlyToAnotherHost() {
        assertTrue(Loopback.isPlainHttpToAnotherHost("http://sso.example.org/realms/vetnet"));
        assertTrue(Loopback.isPlainHttpToAnotherHost("HTTP://sso.example.org"));
        assertFalse(Loopback.isPlainHttpToAnotherHost("https://sso.example.org/realms/vetnet"));
        assertFalse(Loopback.isPlainHttpToAnotherHost("http://localhost:8180/realms/vetnet"));
        assertFalse(Loopback.isPlainHttpToAnotherHost(null));
    }
}
