package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.rooms.core.CloseCodes;
import eu.vetnet.rooms.core.RoomLimits;
import eu.vetnet.rooms.protocol.YWebsocketProtocol;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile input against the real server: the offender gets a named close code, everyone else keeps working. */
class HostileInputIntegrationTests extends RoomsIntegrationTestSupport {

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private String yws(String room) {
        return wsUrl() + "/ws/rooms/" + room + "/scratch";
    }

    private int closeCode(RawSocket s) throws Exception {
        return s.closed.get(10, TimeUnit.SECONDS);
    }

    /** A bystander in the same room still gets its step 1 answered after the offender was thrown out. */
    private void roomStillWorks(String room) throws Exception {
        RawSocket good = RawSocket.open(yws(room), bob());
        YDoc doc = new YDoc(4242);
        doc.getText("t").insert(0, "alive");
        good.send(YWebsocketProtocol.INSTANCE.sync(null, new SyncMessage.Update(doc.encodeStateAsUpdate())));
        long end = System.currentTimeMillis() + 10_000;
        while (!String.valueOf(this.<String>serverDoc(room, "scratch", d -> d.getText("t").toString())).contains("alive")
                && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        String text = serverDoc(room, "scratch", d -> d.getText("t").toString());
        assertTrue(text.contains("alive"), text);
        good.socket.abort();
    }

    @ParameterizedTest(name = "frame {0} closes the socket with 4400 and the room keeps working")
    @ValueSource(strings = {"ff", "ffffffffffffffffffffffff", "0002", "00020a0102", "07"})
    void garbageFramesCloseTheOffenderWith4400(String frame) throws Exception {
        String room = room();
        RawSocket bad = RawSocket.open(yws(room), alice());
        bad.send(hex(frame));
        assertEquals(CloseCodes.BAD_MESSAGE, closeCode(bad));
        roomStillWorks(room);
    }

    @Test
    void anEmptyFrameClosesWith4400() throws Exception {
        String room = room();
        RawSocket bad = RawSocket.open(yws(room), alice());
        bad.send(new byte[0]);
        assertEquals(CloseCodes.BAD_MESSAGE, closeCode(bad));
    }

    @Test
    void aTextFrameClosesWith4400() throws Exception {
        String room = room();
        RawSocket bad = RawSocket.open(yws(room), alice());
        bad.socket.sendText("{\"hello\": 1}", true).join();
        assertEquals(CloseCodes.BAD_MESSAGE, closeCode(bad));
        roomStillWorks(room);
    }

    @Test
    void aFrameOneByteOverTheCapClosesWith1009() throws Exception {
        String room = room();
        RawSocket bad = RawSocket.open(yws(room), alice());
        bad.socket.sendBinary(java.nio.ByteBuffer.wrap(new byte[RoomLimits.DEFAULT_MAX_MESSAGE_BYTES + 1]), true);
        // Netty reads the length from the frame header, answers 1009 and closes; a client still writing the
        // payload may see the reset before it reads the close frame.
        try {
            assertEquals(CloseCodes.MESSAGE_TOO_BIG, closeCode(bad));
        } catch (java.util.concurrent.ExecutionException reset) {
            assertTrue(String.valueOf(reset.getCause()).contains("reset") || String.valueOf(reset.getCause()).contains("Broken pipe"),
                    reset.toString());
        }
        roomStillWorks(room);
    }

    @Test
    void aSocketFloodingABusyRoomIsNotReadFurtherAndOtherRoomsKeepWorking() throws Exception {
        String floodRoom = room();
        RawSocket flooder = RawSocket.open(yws(floodRoom), alice());
        YDoc doc = new YDoc(77);
        doc.getText("t").insert(0, "z".repeat(1_000_000));
        byte[] frame = YWebsocketProtocol.INSTANCE.sync(null, new SyncMessage.Update(doc.encodeStateAsUpdate()));
        flooder.send(frame);
        long end = System.currentTimeMillis() + 10_000;
        while (!Integer.valueOf(1_000_000).equals(serverDoc(floodRoom, "scratch", d -> d.getText("t").length()))
                && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        // The flood room's lane is busy (held here, as a slow update or a long GC would): what the flooder sends now
        // can only pile up somewhere. With backpressure it piles up in the flooder's own TCP window.
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        server.openRoom(floodRoom).inspect(docs -> {
            held.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        // The lane may still be busy with earlier work (storing the big document): flood only once it is held, or the
        // frames it handles before that would be counted as taken in while it was stuck.
        assertTrue(held.await(30, TimeUnit.SECONDS), "the flood room's lane never got to the hold");
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        Thread flood = new Thread(() -> {
            try {
                for (int i = 0; i < 100 && !Thread.currentThread().isInterrupted(); i++) {
                    // A send completes once its bytes left for the kernel; one may wait at a time.
                    flooder.socket.sendBinary(java.nio.ByteBuffer.wrap(frame), true).get(60, TimeUnit.SECONDS);
                    sent.incrementAndGet();
                }
            } catch (Exception stopped) {
                // interrupted or closed at the end of the test
            }
        }, "flooder");
        flood.start();
        try {
            roomStillWorks(room()); // another room, while this one is stuck and flooded
            Thread.sleep(2_000);
            // Without backpressure the server reads all 100 MB at once and queues it on the lane: sent reaches 100.
            // With it, what the connection queues and the two kernels' socket buffers hold: 10 to 15 frames here,
            // 35 once in CI (larger buffers under load); 60 keeps the two cases apart.
            System.out.printf("flood: %d frames of 1 MB taken in while the room's lane was busy (at most 60)%n", sent.get());
            assertTrue(sent.get() <= 60, "frames the server took in while its lane was busy: " + sent.get());
            release.countDown();
            long until = System.currentTimeMillis() + 30_000;
            while (sent.get() < 100 && System.currentTimeMillis() < until) {
                Thread.sleep(50);
            }
            assertEquals(100, sent.get(), "once the lane works again, the socket is read again (server closes: "
                    + server.stats().serverCloses() + ", updates handled " + server.stats().updates() + ")");
        } finally {
            release.countDown();
            flood.interrupt();
            flooder.socket.abort();
            flood.join(10_000);
        }
    }

    @Test
    void aFrameOverNettysDefaultCapButUnderOursIsAccepted() throws Exception {
        String room = room();
        RawSocket big = RawSocket.open(yws(room), alice());
        YDoc doc = new YDoc(99);
        doc.getText("t").insert(0, "y".repeat(200_000));
        big.send(YWebsocketProtocol.INSTANCE.sync(null, new SyncMessage.Update(doc.encodeStateAsUpdate())));
        long end = System.currentTimeMillis() + 10_000;
        while (!Integer.valueOf(200_000).equals(serverDoc(room, "scratch", d -> d.getText("t").length())) && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertEquals(200_000, (int) serverDoc(room, "scratch", d -> d.getText("t").length()));
        big.socket.abort();
    }

    @Test
    void truncatedAndBitFlippedUpdatesCloseTheOffenderAndApplyNothing() throws Exception {
        String room = room();
        YDoc doc = new YDoc(7);
        doc.getText("t").insert(0, "secret text that must not half-apply");
        byte[] frame = YWebsocketProtocol.INSTANCE.sync(null, new SyncMessage.Update(doc.encodeStateAsUpdate()));
        java.util.Random random = new java.util.Random(4);
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] mutated = i % 2 == 0 ? java.util.Arrays.copyOf(frame, 3 + random.nextInt(frame.length - 4)) : frame.clone();
            if (i % 2 == 1) {
                mutated[3 + random.nextInt(mutated.length - 3)] ^= (byte) (1 << random.nextInt(8));
            }
            RawSocket bad = RawSocket.open(yws(room), alice());
            bad.send(mutated);
            try {
                bad.send(YWebsocketProtocol.INSTANCE.sync(null, new SyncMessage.Step1(new byte[] {0})));
            } catch (CompletionException closedAlready) {
                // the server closed the socket on the mutated frame
            }
            Integer code = null;
            try {
                code = bad.closed.get(500, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                bad.socket.abort();
            }
            codes.add(code);
        }
        assertTrue(codes.stream().allMatch(c -> c == null || c == CloseCodes.BAD_MESSAGE), codes.toString());
        assertTrue(codes.stream().filter(c -> c != null).count() >= 10, codes.toString());
        roomStillWorks(room);
    }

    @Test
    void noTokenAnInvalidOneAndAnExpiredOneAreClosedWith4401() throws Exception {
        String room = room();
        assertEquals(CloseCodes.UNAUTHORIZED, closeCode(RawSocket.open(yws(room), null)));
        assertEquals(CloseCodes.UNAUTHORIZED, closeCode(RawSocket.open(yws(room), "not-a-jwt")));
        assertEquals(CloseCodes.UNAUTHORIZED, closeCode(RawSocket.open(yws(room), issuer.token("alice", Duration.ofSeconds(-120), "participant"))));
    }

    @Test
    void aTokenThatExpiresDuringTheSessionClosesTheSocketWith4401() throws Exception {
        String room = room();
        RawSocket s = RawSocket.open(yws(room), issuer.token("alice", Duration.ofSeconds(2), "participant"));
        assertEquals(CloseCodes.UNAUTHORIZED, s.closed.get(15, TimeUnit.SECONDS));
    }

    @Test
    void someoneNotOnTheAccessListIsClosedWith4403AndAnUnknownRoomWith4404() throws Exception {
        String room = room();
        assertEquals(CloseCodes.FORBIDDEN, closeCode(RawSocket.open(yws(room), issuer.token("eve", "participant"))));
        assertEquals(CloseCodes.NOT_FOUND, closeCode(RawSocket.open(wsUrl() + "/ws/rooms/no-such-room/board", alice())));
    }

    @Test
    void aHocuspocusSocketThatNeverAuthenticatesIsClosedWith4408() throws Exception {
        String room = room();
        RawSocket s = RawSocket.open(wsUrl() + "/ws/rooms/" + room, null);
        assertEquals(CloseCodes.AUTHENTICATION_TIMEOUT, s.closed.get(10, TimeUnit.SECONDS));
    }

    @ParameterizedTest(name = "Origin {0} is refused at the upgrade")
    @ValueSource(strings = {"https://evil.example", "null"})
    void upgradesFromAForeignOrNullOriginAreRefused(String origin) {
        String room = room();
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> RawSocket.connect(yws(room), alice(), origin, ws -> { }).join());
        assertTrue(String.valueOf(e.getCause()).contains("403") || e.getCause() instanceof java.net.http.WebSocketHandshakeException, e.toString());
    }

    @Test
    void anUpgradeFromTheAllowedOriginIsAccepted() {
        String room = room();
        RawSocket s = RawSocket.connect(yws(room), alice(), "http://localhost:8080", ws -> { }).join();
        s.socket.abort();
    }

    @Test
    void aFloodClosesTheOffenderWith4429() throws Exception {
        String room = room();
        RawSocket bad = RawSocket.open(yws(room), alice());
        byte[] step1 = YWebsocketProtocol.INSTANCE.sync(null, new SyncMessage.Step1(new byte[] {0}));
        // Flood once authenticated (the server's step 1 has come): before that, the cap on messages queued
        // before authentication (4413) would answer the flood instead of the rate limit.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !bad.received.isEmpty());
        try {
            for (int i = 0; i < 100 * RoomLimits.DEFAULT_MESSAGE_BURST && !bad.closed.isDone(); i++) {
                bad.socket.sendBinary(java.nio.ByteBuffer.wrap(step1), true).join();
            }
        } catch (CompletionException closedWhileSending) {
            // the server closed the socket mid-flood: expected
        }
        // A client still writing when the server closes may see the TCP reset before it reads the close frame
        // (as in the frame-cap test); RoomServerTests checks the 4429 itself deterministically, in process.
        try {
            assertEquals(CloseCodes.TOO_MANY_MESSAGES, closeCode(bad));
        } catch (java.util.concurrent.ExecutionException reset) {
            // "closed input": the JDK client's word for the same reset (end of stream before the close frame).
            String cause = String.valueOf(reset.getCause());
            assertTrue(cause.contains("reset") || cause.contains("Broken pipe") || cause.contains("closed input"), reset.toString());
        }
        roomStillWorks(room);
    }

    @SuppressWarnings("unused")
    private static void unused(WebSocket ws) {
    }
}
