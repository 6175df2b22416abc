package eu.vetnet.rooms.core;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.Lib0Writer;
import eu.vetnet.crdt.protocol.AwarenessUpdate;
import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.rooms.hook.ChangePayload;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.StorePayload;
import eu.vetnet.rooms.hook.UnloadPayload;
import eu.vetnet.rooms.protocol.HocuspocusProtocol;
import eu.vetnet.rooms.protocol.YWebsocketProtocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomServerTests {

    private CoreHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private static byte[] textInsert(YDoc doc, String text) {
        return CoreHarness.edit(doc, d -> d.getText("t").insert(d.getText("t").length(), text));
    }

    @Test
    void serverSendsStepOneOnOpenAndAnswersStepOneWithStepTwo() {
        h = new CoreHarness();
        var c = h.yws("r1", "scratch", "alice", 1);
        c.send(Frames.yws(new SyncMessage.Step1(c.doc.encodeStateVector())));
        await().until(() -> c.syncMessages(null).size() >= 2);
        List<SyncMessage> got = c.syncMessages(null);
        assertTrue(got.get(0) instanceof SyncMessage.Step1, got.toString());
        assertTrue(got.get(1) instanceof SyncMessage.Step2, got.toString());
    }

    @Test
    void anUpdateReachesTheOtherClientsAndTheServerDocument() {
        h = new CoreHarness();
        var a = h.yws("r1", "scratch", "alice", 1);
        var b = h.yws("r1", "scratch", "bob", 2);
        a.awaitFrames(1);
        b.awaitFrames(1);
        a.send(Frames.yws(new SyncMessage.Update(textInsert(a.doc, "hello"))));
        await().until(() -> b.replica("scratch").getText("t").toString().equals("hello"));
        assertEquals("hello", h.json("r1", "scratch", d -> d.getText("t").toString()).get("value"));
    }

    @Test
    void broadcastWaitsForOnChangeOfEachUpdateInOrder() {
        List<CompletableFuture<Void>> gates = new CopyOnWriteArrayList<>();
        RoomHook slowHistory = new RoomHook() {
            @Override
            public CompletionStage<Void> onChange(ChangePayload payload) {
                CompletableFuture<Void> gate = new CompletableFuture<>();
                gates.add(gate);
                return gate;
            }
        };
        h = new CoreHarness(RoomLimits.defaults(), slowHistory);
        var a = h.yws("r1", "scratch", "alice", 1);
        var b = h.yws("r1", "scratch", "bob", 2);
        b.awaitFrames(1);
        a.send(Frames.yws(new SyncMessage.Update(textInsert(a.doc, "one"))));
        a.send(Frames.yws(new SyncMessage.Update(textInsert(a.doc, "two"))));
        await().until(() -> gates.size() == 2);
        int before = b.syncMessages(null).size();
        gates.get(1).complete(null);
        await().during(Duration.ofMillis(200)).until(() -> b.syncMessages(null).size() == before);
        gates.get(0).complete(null);
        // Both may go out in one merged message (they can end up in one lane batch): check content, not count.
        await().until(() -> b.replica("scratch").getText("t").toString().equals("onetwo"));
    }

    @Test
    void updatesAppliedInOneBatchGoOutAsOneMergedMessageAndEachSenderIsAcknowledged() {
        h = new CoreHarness();
        var a = h.hocuspocus("r1", 1);
        var b = h.hocuspocus("r1", 2);
        var c = h.hocuspocus("r1", 3);
        for (var client : List.of(a, b, c)) {
            client.send(Frames.hpAuth("scratch", "alice"));
            client.awaitFrames(2);
        }
        // Hold the room's lane so that both updates are applied in the same batch.
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Object> held = h.server.openRoom("r1").inspect(docs -> release.join());
        int before = c.syncMessages("scratch").size();
        a.send(Frames.hp("scratch", new SyncMessage.Update(CoreHarness.edit(a.doc, d -> d.getText("t").insert(0, "from a ")))));
        b.send(Frames.hp("scratch", new SyncMessage.Update(CoreHarness.edit(b.doc, d -> d.getArray("list").push(List.of("from b"))))));
        release.complete(null);
        held.join();
        await().until(() -> c.replica("scratch").getArray("list").length() == 1
                && c.replica("scratch").getText("t").toString().equals("from a "));
        await().during(Duration.ofMillis(200)).until(() -> c.syncMessages("scratch").size() == before + 1);
        // Each sender hears once that its update was applied (Hocuspocus sync status, type 8).
        await().until(() -> syncStatuses(a) == 1 && syncStatuses(b) == 1);
    }

    private static long syncStatuses(CoreHarness.Client client) {
        return client.seen().stream().filter(s -> s.type() == 8).count();
    }

    @Test
    void readOnlyConnectionGetsItsStepOneAnsweredButItsUpdatesAreDroppedAndItIsTold() {
        h = new CoreHarness();
        var writer = h.yws("r1", "scratch", "alice", 1);
        writer.awaitFrames(1);
        writer.send(Frames.yws(new SyncMessage.Update(textInsert(writer.doc, "seen"))));
        var reader = h.yws("r1", "scratch", "paula|OBSERVER", 2);
        reader.send(Frames.yws(new SyncMessage.Step1(new YDoc(9).encodeStateVector())));
        await().until(() -> reader.replica("scratch").getText("t").toString().equals("seen"));
        reader.send(Frames.yws(new SyncMessage.Update(textInsert(reader.doc, "forbidden"))));
        reader.send(Frames.yws(new SyncMessage.Step2(textInsert(reader.doc, "also"))));
        await().until(() -> reader.seen().stream().anyMatch(s -> s.type() == YWebsocketProtocol.AUTH));
        await().during(Duration.ofMillis(200)).until(() -> "seen".equals(h.json("r1", "scratch", d -> d.getText("t").toString()).get("value")));
        assertNull(reader.socket.closeCode());
    }

    @Test
    void oneHocuspocusSocketCarriesAWritableAReadOnlyAndAForbiddenDocument() {
        h = new CoreHarness();
        var c = h.hocuspocus("r1", 1);
        String token = "alice|PARTICIPANT|notes=OBSERVER,workshop=NONE";
        c.send(Frames.hpAuth("scratch", token));
        c.send(Frames.hpAuth("notes", token));
        c.send(Frames.hpAuth("workshop", token));
        await().until(() -> c.seen().stream().filter(s -> s.type() == HocuspocusProtocol.AUTH).count() == 3);
        Map<String, String> answers = new java.util.HashMap<>();
        for (Frames.Seen s : c.seen()) {
            if (s.type() == HocuspocusProtocol.AUTH) {
                int kind = s.body().readVarUintAsInt();
                answers.put(s.doc(), kind + ":" + s.string());
            }
        }
        assertEquals("2:read-write", answers.get("scratch"));
        assertEquals("2:readonly", answers.get("notes"));
        assertTrue(answers.get("workshop").startsWith("1:"), answers.toString());
        YDoc local = new YDoc(1);
        c.send(Frames.hp("scratch", new SyncMessage.Update(CoreHarness.edit(local, d -> d.getText("t").insert(0, "w")))));
        c.send(Frames.hp("notes", new SyncMessage.Update(CoreHarness.edit(new YDoc(3), d -> d.getXmlFragment("default").insert(0, List.of(new eu.vetnet.crdt.types.YXmlText()))))));
        c.send(Frames.hp("workshop", new SyncMessage.Update(CoreHarness.edit(new YDoc(4), d -> d.getMap("workshop").set("phase", "x")))));
        await().until(() -> "w".equals(h.json("r1", "scratch", d -> d.getText("t").toString()).get("value")));
        await().during(Duration.ofMillis(200)).until(() -> "0".equals(h.json("r1", "notes", d -> d.getXmlFragment("default").length()).get("value")));
        // The workshop is open on the server all the same (the notes' rules read its phase: Room.openForSession), and
        // the refused socket's write is not in it.
        assertEquals("0", h.json("r1", "workshop", d -> d.getMap("workshop").size()).get("value"));
        assertNull(c.socket.closeCode());
    }

    @Test
    void aRejectedUpdateIsNotAppliedStoredOrBroadcastAndTheSenderIsToldOnce() {
        h = new CoreHarness();
        var fabio = h.yws("r1", "board", "fabio|FACILITATOR", 1);
        var alice = h.yws("r1", "board", "alice|PARTICIPANT", 2);
        fabio.awaitFrames(1);
        alice.awaitFrames(1);
        YDoc fabioDoc = fabio.doc;
        fabio.send(Frames.yws(new SyncMessage.Update(CoreHarness.edit(fabioDoc, d -> {
            YMap n = new YMap();
            n.set("owner", "fabio");
            n.set("text", "facilitator's");
            d.getMap("objects").set("n1", n);
        }))));
        await().until(() -> alice.replica("board").getMap("objects").has("n1"));
        YDoc aliceDoc = alice.replica("board");
        int framesBefore = fabio.socket.frames().size();
        byte[] vandal = CoreHarness.edit(aliceDoc, d -> ((YMap) d.getMap("objects").get("n1")).set("text", "vandal"));
        alice.send(Frames.yws(new SyncMessage.Update(vandal)));
        byte[] later = CoreHarness.edit(aliceDoc, d -> ((YMap) d.getMap("objects").get("n1")).set("colour", "red"));
        alice.send(Frames.yws(new SyncMessage.Update(later)));
        await().until(() -> alice.seen().stream().anyMatch(s -> s.type() == YWebsocketProtocol.VETNET_REJECTED));
        await().during(Duration.ofMillis(200)).until(() -> fabio.socket.frames().size() == framesBefore);
        assertEquals(1, alice.seen().stream().filter(s -> s.type() == YWebsocketProtocol.VETNET_REJECTED).count());
        assertEquals("facilitator's", h.json("r1", "board", d -> ((YMap) d.getMap("objects").get("n1")).get("text")).get("value"));
        assertFalse(h.storage.updatesOf("r1", "board").stream().anyMatch(u -> java.util.Arrays.equals(u, vandal)));
        assertNull(alice.socket.closeCode());
    }

    @Test
    void awarenessCarriesServerSetIdentityAndNobodySpeaksForAnotherClient() {
        h = new CoreHarness();
        var a = h.yws("r1", "scratch", "alice", 1);
        var b = h.yws("r1", "scratch", "bob", 2);
        a.awaitFrames(1);
        b.awaitFrames(1);
        Map<String, Object> forged = Map.of("user", Map.of("id", "fabio", "name", "Fabio", "color", "#f00"));
        a.send(Frames.ywsAwareness(new AwarenessUpdate(List.of(new AwarenessUpdate.Entry(11, 1, forged))).encode()));
        await().until(() -> b.seen().stream().anyMatch(s -> s.type() == 1));
        Frames.Seen seen = b.seen().stream().filter(s -> s.type() == 1).findFirst().orElseThrow();
        AwarenessUpdate got = AwarenessUpdate.decode(seen.body().readVarUint8Array());
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) ((Map<String, Object>) got.entries().get(0).state()).get("user");
        assertEquals("alice", user.get("id"));
        assertEquals("alice name", user.get("name"));
        assertEquals("participant", user.get("role"));
        assertEquals("#f00", user.get("color"));
        int before = a.seen().size();
        b.send(Frames.ywsAwareness(new AwarenessUpdate(List.of(new AwarenessUpdate.Entry(11, 5, Map.of("x", 1)))).encode()));
        await().during(Duration.ofMillis(200)).until(() -> a.seen().size() == before);
        assertNull(b.socket.closeCode());
    }

    @Test
    void anAwarenessStateNotRenewedFor30SecondsIsRemovedForEveryoneAndItsOwnerMayComeBack() {
        h = new CoreHarness();
        var a = h.yws("r1", "scratch", "alice", 1);
        var b = h.yws("r1", "scratch", "bob", 2);
        a.awaitFrames(1);
        b.awaitFrames(1);
        a.send(Frames.ywsAwareness(new AwarenessUpdate(List.of(new AwarenessUpdate.Entry(11, 1, Map.of("cursor", 3)))).encode()));
        await().until(() -> awarenessSeenBy(b).size() == 1);
        Room room = h.server.openRoom("r1");
        room.inspect(docs -> {
            room.openDocument("scratch").sweepAwareness();
            return null;
        }).join();
        await().during(Duration.ofMillis(200)).until(() -> awarenessSeenBy(b).size() == 1); // 30 s not passed: kept
        h.clock.addAndGet(30_001);
        room.inspect(docs -> {
            room.openDocument("scratch").sweepAwareness();
            return null;
        }).join();
        await().until(() -> awarenessSeenBy(b).size() == 2);
        AwarenessUpdate.Entry removal = awarenessSeenBy(b).get(1).entries().get(0);
        assertEquals(11, removal.clientId());
        assertNull(removal.state(), "a removal is a null state");
        // The owner wakes up and announces itself again: accepted, it is still its id.
        a.send(Frames.ywsAwareness(new AwarenessUpdate(List.of(new AwarenessUpdate.Entry(11, 3, Map.of("cursor", 4)))).encode()));
        await().until(() -> awarenessSeenBy(b).size() == 3);
        assertEquals(11, awarenessSeenBy(b).get(2).entries().get(0).clientId());
    }

    private static List<AwarenessUpdate> awarenessSeenBy(CoreHarness.Client client) {
        return client.seen().stream().filter(s -> s.type() == 1)
                .map(s -> AwarenessUpdate.decode(s.body().readVarUint8Array())).toList();
    }

    @Test
    void roomUnloadsAfterTheGracePeriodOnceStoredAndLoadsAgainFromStorage() {
        List<String> events = new CopyOnWriteArrayList<>();
        RoomHook witness = new RoomHook() {
            @Override
            public CompletionStage<Void> onStoreDocument(StorePayload p) {
                events.add("store " + p.documentName());
                return DONE;
            }

            @Override
            public CompletionStage<Void> onUnload(UnloadPayload p) {
                events.add("unload " + p.roomId());
                return DONE;
            }
        };
        h = new CoreHarness(RoomLimits.defaults().withUnloadGrace(Duration.ofMillis(100)), witness);
        var a = h.yws("r1", "scratch", "alice", 1);
        a.awaitFrames(1);
        a.send(Frames.yws(new SyncMessage.Update(textInsert(a.doc, "kept"))));
        await().until(() -> "kept".equals(h.json("r1", "scratch", d -> d.getText("t").toString()).get("value")));
        a.connection.closed();
        // onUnload runs just after the room left the registry: wait for both.
        await().until(() -> h.server.openRoom("r1") == null && events.size() >= 2);
        assertEquals(List.of("store scratch", "unload r1"), events);
        var b = h.yws("r1", "scratch", "bob", 2);
        b.send(Frames.yws(new SyncMessage.Step1(new YDoc(5).encodeStateVector())));
        await().until(() -> b.replica("scratch").getText("t").toString().equals("kept"));
    }

    @Test
    void aSocketThatNeverAuthenticatesIsClosedAtTheDeadline() {
        h = new CoreHarness(RoomLimits.defaults().withAuthenticationTimeout(Duration.ofMillis(200)));
        var c = h.hocuspocus("r1", 1);
        assertEquals(CloseCodes.AUTHENTICATION_TIMEOUT, c.awaitClosed());
    }

    @Test
    void aConnectionWithoutTokenIsClosedUnauthorized() {
        h = new CoreHarness();
        assertEquals(CloseCodes.UNAUTHORIZED, h.yws("r1", "scratch", null, 1).awaitClosed());
    }

    @Test
    void tooManyMessagesBeforeAuthenticationCloseTheSocket() {
        RoomHook neverAnswers = new RoomHook() {
            @Override
            public int priority() {
                return 2000;
            }

            @Override
            public CompletionStage<Void> onAuthenticate(eu.vetnet.rooms.hook.AuthenticatePayload p) {
                return new CompletableFuture<>();
            }
        };
        h = new CoreHarness(RoomLimits.defaults(), neverAnswers);
        var c = h.yws("r1", "scratch", "alice", 1);
        for (int i = 0; i <= RoomLimits.DEFAULT_MAX_MESSAGES_BEFORE_AUTHENTICATION; i++) {
            c.send(Frames.yws(new SyncMessage.Step1(new byte[] {0})));
        }
        assertEquals(CloseCodes.TOO_LARGE, c.awaitClosed());
    }

    @Test
    void tooManyDocumentsOnOneSocketCloseIt() {
        h = new CoreHarness();
        var c = h.hocuspocus("r1", 1);
        for (int i = 0; i <= RoomLimits.DEFAULT_MAX_DOCUMENTS_PER_SOCKET; i++) {
            c.send(Frames.hpAuth("doc" + i, "alice"));
        }
        assertEquals(CloseCodes.TOO_LARGE, c.awaitClosed());
    }

    @Test
    void aFloodOverTheMessageRateClosesTheSocketAndTheRoomKeepsWorking() {
        h = new CoreHarness();
        var good = h.yws("r1", "scratch", "alice", 1);
        var flood = h.yws("r1", "scratch", "mallory", 2);
        flood.awaitFrames(1); // authenticated: the flood is not counted as messages before authentication
        byte[] step1 = Frames.yws(new SyncMessage.Step1(new byte[] {0}));
        for (int i = 0; i < RoomLimits.DEFAULT_MESSAGE_BURST + 10; i++) {
            flood.send(step1);
        }
        assertEquals(CloseCodes.TOO_MANY_MESSAGES, flood.awaitClosed());
        good.send(Frames.yws(new SyncMessage.Update(textInsert(good.doc, "still"))));
        await().until(() -> "still".equals(h.json("r1", "scratch", d -> d.getText("t").toString()).get("value")));
        assertNull(good.socket.closeCode());
    }

    @Test
    void aPasteOverTheDocumentQuotaIsRejectedNotApplied() {
        h = new CoreHarness(RoomLimits.defaults().withDocumentQuotaBytes(1000));
        var c = h.yws("r1", "scratch", "alice", 1);
        c.send(Frames.yws(new SyncMessage.Update(textInsert(c.doc, "x".repeat(2000)))));
        await().until(() -> c.seen().stream().anyMatch(s -> s.type() == YWebsocketProtocol.VETNET_REJECTED));
        assertEquals("", h.json("r1", "scratch", d -> d.getText("t").toString()).get("value"));
    }

    @Test
    void aClientMessageOfAServerOnlyKindIsAcceptedAndIgnored() {
        h = new CoreHarness();
        var c = h.hocuspocus("r1", 1);
        c.send(Frames.hpAuth("scratch", "alice"));
        Lib0Writer w = new Lib0Writer();
        w.writeVarString("scratch");
        w.writeVarUint(HocuspocusProtocol.SYNC_STATUS);
        w.writeVarUint(1);
        c.send(w.toByteArray());
        c.send(Frames.hp("scratch", new SyncMessage.Update(textInsert(c.doc, "ok"))));
        await().until(() -> "ok".equals(h.json("r1", "scratch", d -> d.getText("t").toString()).get("value")));
        assertNull(c.socket.closeCode());
    }

    @Test
    void aUserWhoseAccessIsRevokedIsClosedWith4403AndOneWhoseRoleChangedWith1008() {
        h = new CoreHarness();
        var alice = h.yws("r1", "scratch", "alice", 1);
        var bob = h.yws("r1", "scratch", "bob", 2);
        var carol = h.yws("r1", "scratch", "carol", 3);
        alice.awaitFrames(1);
        bob.awaitFrames(1);
        carol.awaitFrames(1);
        h.server.reauthorize("r1", (user, doc) -> switch (user.id()) {
            case "alice" -> null;
            case "bob" -> eu.vetnet.rooms.hook.RoomRole.OBSERVER;
            default -> eu.vetnet.rooms.hook.RoomRole.PARTICIPANT;
        }).join();
        assertEquals(CloseCodes.FORBIDDEN, alice.awaitClosed());
        assertEquals(CloseCodes.POLICY_VIOLATION, bob.awaitClosed());
        assertNull(carol.socket.closeCode());
    }

    @Test
    void aHocuspocusSocketThatLosesOneDocumentKeepsTheOthersAndTheRoom() {
        h = new CoreHarness();
        var fabio = h.hocuspocus("r1", 1);
        var alice = h.yws("r1", "scratch", "alice", 2);
        var carol = h.yws("r1", "draft", "carol", 3);
        fabio.send(Frames.hpAuth("scratch", "fabio|FACILITATOR"));
        fabio.send(Frames.hpAuth("draft", "fabio|FACILITATOR"));
        await().until(() -> fabio.seen().stream().filter(s -> s.type() == HocuspocusProtocol.AUTH).count() == 2);
        alice.awaitFrames(1);
        carol.awaitFrames(1);
        // "draft" is taken from fabio (as a private board is when private notes become their writers' again).
        h.server.reauthorize("r1", (user, doc) -> user.id().equals("fabio") && doc.equals("draft") ? null
                : eu.vetnet.rooms.hook.RoomRole.valueOf(user.id().equals("fabio") ? "FACILITATOR" : "PARTICIPANT")).join();
        await().until(() -> fabio.seen().stream().anyMatch(s -> s.type() == HocuspocusProtocol.AUTH && s.doc().equals("draft")
                && s.body().readVarUintAsInt() == 1));
        assertNull(fabio.socket.closeCode(), "the socket stays: it still carries the room's other document");
        // What alice writes in scratch still reaches him; nothing of draft does.
        int before = fabio.seen().size();
        alice.send(Frames.yws(new SyncMessage.Update(textInsert(alice.doc, "still here"))));
        await().until(() -> fabio.seen().stream().skip(before).anyMatch(s -> s.doc().equals("scratch") && s.type() == 0));
        carol.send(Frames.yws(new SyncMessage.Update(textInsert(carol.doc, "not for fabio"))));
        await().until(() -> "not for fabio".equals(h.json("r1", "draft", d -> d.getText("t").toString()).get("value")));
        await().during(Duration.ofMillis(300)).until(() -> fabio.seen().stream().skip(before).noneMatch(s -> s.doc().equals("draft")));
        assertNull(fabio.socket.closeCode());
        assertNull(alice.socket.closeCode());
        assertNull(carol.socket.closeCode());
    }

    @Test
    void closingOneRoomClosesItsSocketsWithGoingAwayAndLeavesOtherRoomsOpen() {
        h = new CoreHarness();
        var a = h.yws("r1", "scratch", "alice", 1);
        var b = h.yws("r2", "scratch", "bob", 2);
        a.awaitFrames(1);
        b.awaitFrames(1);
        h.server.closeRoom("r1", "room r1 moved to another server: reconnect").join();
        assertEquals(CloseCodes.GOING_AWAY, a.awaitClosed());
        assertNull(b.socket.closeCode());
    }

    @Test
    void shutdownStoresEveryRoomThenClosesEverySocketWithGoingAway() {
        h = new CoreHarness();
        var a = h.yws("r1", "scratch", "alice", 1);
        a.awaitFrames(1);
        a.send(Frames.yws(new SyncMessage.Update(textInsert(a.doc, "flushed"))));
        await().until(() -> "flushed".equals(h.json("r1", "scratch", d -> d.getText("t").toString()).get("value")));
        h.server.shutdown().join();
        assertEquals(CloseCodes.GOING_AWAY, a.awaitClosed());
        YDoc stored = new YDoc(9);
        h.storage.updatesOf("r1", "scratch").forEach(stored::applyUpdate);
        assertEquals("flushed", stored.getText("t").toString());
        assertEquals(CloseCodes.GOING_AWAY, h.yws("r1", "scratch", "late", 2).awaitClosed());
    }

    @Test
    void awarenessOverItsRateIsDroppedNotBroadcast() {
        h = new CoreHarness();
        var a = h.yws("r1", "scratch", "alice", 1);
        var b = h.yws("r1", "scratch", "bob", 2);
        a.awaitFrames(1);
        b.awaitFrames(1);
        int sent = (int) (RoomLimits.DEFAULT_AWARENESS_PER_SECOND * 4);
        for (int clock = 1; clock <= sent; clock++) {
            a.send(Frames.ywsAwareness(new AwarenessUpdate(List.of(new AwarenessUpdate.Entry(1, clock, Map.of("cursor", clock)))).encode()));
        }
        await().until(() -> h.server.stats().awarenessDropped() > 0);
        long relayed = b.seen().stream().filter(s -> s.type() == YWebsocketProtocol.AWARENESS).count();
        assertTrue(relayed < sent, relayed + " of " + sent + " relayed");
        assertNull(a.socket.closeCode());
    }
}
