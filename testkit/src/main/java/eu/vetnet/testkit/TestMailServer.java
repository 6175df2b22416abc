package eu.vetnet.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) for a server's integration tests: started once per test JVM, on a free port, so
 * every test class shares one Spring context (for the room server: a second one would share Redis with the first and
 * own half of the rooms).
 */
public final class TestMailServer {

    public static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    private TestMailServer() {
    }

    public static int port() {
        return SMTP.getSmtp().getPort();
    }
}
