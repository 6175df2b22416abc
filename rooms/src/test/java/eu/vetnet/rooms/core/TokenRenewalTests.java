package eu.vetnet.rooms.core;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.identity.TokenRenewal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A socket's identity is renewed in-band by the gateway (docs/rooms.md, "Token renewal"): the same user keeps the
 * socket past the first token's expiry; another user, a lost access or a changed role ends or resets it; and a
 * token in a Hocuspocus auth message never replaces the identity the upgrade established.
 */
class TokenRenewalTests {

    private CoreHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private static String token(String user, String role, Duration ttl) {
        return user + "|" + role + "|exp=" + Instant.now().plus(ttl).toEpochMilli();
    }

    @Test
    void withoutARenewalTheSocketClosesWith4401WhenItsTokenExpires() {
        h = new CoreHarness();
        var c = h.yws("r1", "scratch", token("alice", "PARTICIPANT", Duration.ofMillis(600)), 1);
        c.awaitFrames(1);

        assertEquals(CloseCodes.UNAUTHORIZED, c.awaitClosed());
    }

    @Test
    void aRenewalBeforeExpiryKeepsTheSocketOpenPastTheFirstTokensLifeAndEditsFlow() {
        h = new CoreHarness();
        var a = h.yws("r1", "scratch", token("alice", "PARTICIPANT", Duration.ofMillis(800)), 1);
        var b = h.yws("r1", "scratch", "bob", 2);
        a.awaitFrames(1);
        b.awaitFrames(1);
        // Five renewals, each before the one before it expires: four token lifetimes and more.
        for (int i = 0; i < 5; i++) {
            sleep(400);
            a.connection.receiveText(TokenRenewal.frame(token("alice", "PARTICIPANT", Duration.ofMillis(800))));
        }
        await().until(() -> h.tokens.renewals.get() == 5);
        sleep(500);

        assertNull(a.socket.closeCode(), "still open after " + (5 * 400 + 500) + " ms with 800 ms tokens");
        a.send(Frames.yws(new SyncMessage.Update(CoreHarness.edit(a.doc, d -> d.getText("t").insert(0, "still here")))));
        await().until(() -> b.replica("scratch").getText("t").toString().equals("still here"));
        assertEquals(CloseCodes.UNAUTHORIZED, a.awaitClosed(), "and it closes once renewals stop");
    }

    @Test
    void aRenewedTokenOfAnotherUserClosesTheSocketWith4401() {
        h = new CoreHarness();
        var a = h.yws("r1", "scratch", token("alice", "PARTICIPANT", Duration.ofHours(1)), 1);
        a.awaitFrames(1);

        a.connection.receiveText(TokenRenewal.frame(token("mallory", "FACILITATOR", Duration.ofHours(1))));

        assertEquals(CloseCodes.UNAUTHORIZED, a.awaitClosed());
        assertTrue(a.socket.closeReason().contains("same user") || a.socket.closeReason().contains("belongs to"),
                a.socket.closeReason());
    }

    @Test
    void aRenewalWithAChangedRoleClosesWith1008SoTheClientRejoinsWithIt() {
        h = new CoreHarness();
        var a = h.yws("r1", "scratch", token("alice", "PARTICIPANT", Duration.ofHours(1)), 1);
        a.awaitFrames(1);

        a.connection.receiveText(TokenRenewal.frame(token("alice", "OBSERVER", Duration.ofHours(1))));

        assertEquals(CloseCodes.POLICY_VIOLATION, a.awaitClosed());
    }

    @Test
    void aRenewalThatLosesAccessClosesWith4403() {
        h = new CoreHarness();
        var a = h.yws("r1", "scratch", token("alice", "PARTICIPANT", Duration.ofHours(1)), 1);
        a.awaitFrames(1);

        a.connection.receiveText(TokenRenewal.frame(token("alice", "NONE", Duration.ofHours(1))));

        assertEquals(CloseCodes.FORBIDDEN, a.awaitClosed());
    }

    @Test
    void anExpiredRenewalClosesWith4401() {
        h = new CoreHarness();
        var a = h.yws("r1", "scratch", token("alice", "PARTICIPANT", Duration.ofHours(1)), 1);
        a.awaitFrames(1);

        a.connection.receiveText(TokenRenewal.frame(token("alice", "PARTICIPANT", Duration.ofSeconds(-1))));

        assertEquals(CloseCodes.UNAUTHORIZED, a.awaitClosed());
    }

    @Test
    void anyOtherTextFrameIsABadMessage() {
        h = new CoreHarness();
        var a = h.yws("r1", "scratch", "alice", 1);
        a.awaitFrames(1);

        a.connection.receiveText("vetnet.tokenX abc");

        assertEquals(CloseCodes.BAD_MESSAGE, a.awaitClosed());
    }

    @Test
    void aTokenInAHocuspocusAuthMessageNeverReplacesTheUpgradesIdentity() {
        h = new CoreHarness();
        // The gateway established "alice", an observer; the browser claims a facilitator in its auth message.
        var c = h.hocuspocus("r1", 1, "alice|OBSERVER");
        c.send(Frames.hpAuth("scratch", "mallory|FACILITATOR"));
        await().until(() -> c.seen().stream().anyMatch(s -> s.type() == 2));

        Frames.Seen auth = c.seen().stream().filter(s -> s.type() == 2).findFirst().orElseThrow();
        auth.body().readVarUint(); // authenticated
        assertEquals("readonly", auth.body().readVarString(), "opened as the upgrade's observer");
        c.send(Frames.hp("scratch", new SyncMessage.Update(CoreHarness.edit(c.doc, d -> d.getText("t").insert(0, "x")))));
        await().during(Duration.ofMillis(300)).until(() -> h.json("r1", "scratch", d -> d.getText("t").toString())
                .get("value").isEmpty());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
