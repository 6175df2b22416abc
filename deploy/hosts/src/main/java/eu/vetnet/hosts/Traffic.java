package eu.vetnet.hosts;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Editing load for one fault: new rooms (so each fault's count starts at zero), each with two writers appending a
 * numbered word every {@link #WRITE_EVERY} and a reader, all through the load balancer. Afterwards: whether every client
 * and a late joiner agree, and which words anyone wrote or saw are missing from what the late joiner gets.
 */
final class Traffic implements AutoCloseable {

    static final Duration WRITE_EVERY = Duration.ofMillis(100);
    private static final Pattern ROOM_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    /** One room: its id, its two writers and its reader. */
    record Room(String id, List<EditingClient> writers, EditingClient reader) {

        List<EditingClient> clients() {
            List<EditingClient> all = new ArrayList<>(writers);
            all.add(reader);
            return all;
        }
    }

    /** What a fault did to the editing. */
    record Outcome(long longestStallMillis, int stalledRooms, int written, int lost, int clientsAgreeing, int clients,
            int reconnects, int mostReconnects, int rejections) {}

    private final String label;
    private final String publicUrl;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    final List<Room> rooms = new ArrayList<>();
    private ScheduledFuture<?> writing;
    private ScheduledFuture<?> scanning;
    private long counter;

    Traffic(String label, String publicUrl, HttpClient http, ScheduledExecutorService scheduler) {
        this.label = label;
        this.publicUrl = publicUrl;
        this.http = http;
        this.scheduler = scheduler;
    }

    /** Creates the rooms (as the facilitator), connects every client and starts writing once all are synced. */
    void start(int roomCount, Account facilitator, Account secondWriter, Account participant) throws Exception {
        for (int r = 0; r < roomCount; r++) {
            String id = createRoom(facilitator, label + " room " + (r + 1));
            String tag = label + "r" + (r + 1);
            List<EditingClient> writers = List.of(
                    new EditingClient(http, facilitator, publicUrl, id, tag + "w1"),
                    new EditingClient(http, secondWriter, publicUrl, id, tag + "w2"));
            rooms.add(new Room(id, writers, new EditingClient(http, participant, publicUrl, id, tag + "reader")));
        }
        for (Room room : rooms) {
            room.clients().forEach(EditingClient::connect);
        }
        await(Duration.ofSeconds(90), () -> rooms.stream().allMatch(r -> r.clients().stream().allMatch(EditingClient::synced)),
                "clients of " + label + " not all synced");
        writing = scheduler.scheduleAtFixedRate(this::writeOnce, 0, WRITE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        scanning = scheduler.scheduleAtFixedRate(this::scanOnce, 50, 100, TimeUnit.MILLISECONDS);
    }

    private static String createRoom(Account facilitator, String title) throws Exception {
        String body = "{\"title\":\"" + title + "\",\"kind\":\"WORKSHOP\",\"access\":{\"participants\":[\"alice\"]}}";
        HttpResponse<String> created = facilitator.browser().postJson("/api/rooms", body);
        Matcher id = ROOM_ID.matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("room not created: " + created.statusCode() + " " + created.body());
        }
        return id.group(1);
    }

    private void writeOnce() {
        counter++;
        for (Room room : rooms) {
            for (EditingClient writer : room.writers()) {
                writer.write(writer.name + "n" + counter);
            }
        }
    }

    private void scanOnce() {
        for (Room room : rooms) {
            room.clients().forEach(EditingClient::scan);
        }
    }

    /** How many times each client has connected so far, in a fixed order (for counts per step of a fault). */
    int[] connectCounts() {
        return rooms.stream().flatMap(r -> r.clients().stream()).mapToInt(c -> c.connects.get()).toArray();
    }

    /** The most connections one client made between two {@link #connectCounts} readings. */
    static int mostNewConnects(int[] before, int[] after) {
        int most = 0;
        for (int i = 0; i < before.length; i++) {
            most = Math.max(most, after[i] - before[i]);
        }
        return most;
    }

    List<String> roomIds() {
        return rooms.stream().map(Room::id).toList();
    }

    /**
     * Stops writing at {@code end}, waits until each room's clients agree and hold every written word, then asks a late
     * joiner for each room and counts what is missing. The longest stall is the longest time, from {@code faultAt}
     * to {@code end}, in which a room's reader saw no new word: how long editing stopped for the worst room.
     */
    Outcome finish(long faultAt, Account lateJoiner) throws Exception {
        long end = System.nanoTime();
        writing.cancel(false);
        Thread.sleep(WRITE_EVERY.toMillis() * 2);
        long longest = 0;
        int stalled = 0;
        for (Room room : rooms) {
            long stall = longestGap(room.reader().seenAt.values(), faultAt, end);
            longest = Math.max(longest, stall);
            if (stall > 1_000_000_000L) {
                stalled++;
            }
        }
        await(Duration.ofSeconds(90), this::converged, label + ": clients did not converge");
        scanning.cancel(false);
        scanOnce();

        int written = 0;
        int lost = 0;
        int agreeing = 0;
        int clients = 0;
        int reconnects = 0;
        int most = 0;
        int rejections = 0;
        for (Room room : rooms) {
            EditingClient late = new EditingClient(http, lateJoiner, publicUrl, room.id(), label + "late");
            late.connect();
            await(Duration.ofSeconds(60), late::synced, "the late joiner of " + room.id() + " never synced");
            String stored = late.text();
            late.stop();
            Set<String> storedWords = words(stored);
            Set<String> expected = new HashSet<>();
            for (EditingClient c : room.clients()) {
                expected.addAll(c.written);
                expected.addAll(c.seenAt.keySet());
                written += c.written.size();
                clients++;
                if (c.text().equals(stored)) {
                    agreeing++;
                }
                int again = Math.max(0, c.connects.get() - 1);
                reconnects += again;
                most = Math.max(most, again);
                rejections += c.rejections.get();
            }
            expected.removeAll(storedWords);
            if (!expected.isEmpty()) {
                System.out.println("  room " + room.id() + ": " + expected.size() + " words missing, e.g. "
                        + expected.stream().limit(5).toList());
            }
            lost += expected.size();
        }
        return new Outcome(longest / 1_000_000, stalled, written, lost, agreeing, clients, reconnects, most, rejections);
    }

    private boolean converged() {
        for (Room room : rooms) {
            String first = null;
            for (EditingClient c : room.clients()) {
                if (!c.synced()) {
                    return false;
                }
                String text = c.text();
                if (first == null) {
                    first = text;
                } else if (!first.equals(text)) {
                    return false;
                }
            }
            Set<String> held = words(first);
            for (EditingClient w : room.writers()) {
                if (!held.containsAll(w.written)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The longest span within [from, to] without a new word, counting from {@code from} and up to {@code to}. */
    static long longestGap(Collection<Long> seenTimes, long from, long to) {
        List<Long> times = new ArrayList<>();
        for (long t : seenTimes) {
            if (t >= from && t <= to) {
                times.add(t);
            }
        }
        times.sort(null);
        long previous = from;
        long longest = 0;
        for (long t : times) {
            longest = Math.max(longest, t - previous);
            previous = t;
        }
        return Math.max(longest, to - previous);
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.split(" ")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(Duration within, Condition condition, String failure) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure + " within " + within.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        if (writing != null) {
            writing.cancel(false);
            scanning.cancel(false);
        }
        for (Room room : rooms) {
            room.clients().forEach(EditingClient::stop);
        }
    }
}
