package eu.vetnet.hosts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who owned which room when: polls every room server's {@code /actuator/leases} (the wall-clock spans during which it
 * held each room's lease and would acknowledge updates) and keeps every span it saw. Two servers whose spans of one room
 * overlap were two owners at once. A killed server's spans end at its death; a stopped one's come
 * from its log.
 */
final class LeaseWatch implements AutoCloseable {

    /** A span of one room's lease on one server (one process: a restart is a new process). */
    record Span(String server, String room, long since, long until, boolean ended) {}

    private static final Pattern HOLDING = Pattern.compile("\\{[^{}]*\"room\"[^{}]*}");
    private static final Pattern ROOM = Pattern.compile("\"room\":\"([^\"]+)\"");
    private static final Pattern SINCE = Pattern.compile("\"since\":(\\d+)");
    private static final Pattern UNTIL = Pattern.compile("\"until\":(\\d+)");
    private static final Pattern ENDED = Pattern.compile("\"ended\":true");
    /** The room server's last log line on shutdown (RoomLeases#close). */
    private static final Pattern SHUTDOWN_SPAN = Pattern.compile("(\\S+)@(\\d+)-(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final Map<String, String> servers;
    /** (server, room, since) to the latest end seen. */
    private final Map<String, Span> spans = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean closed;

    /** @param servers room server name to its base URL */
    LeaseWatch(Map<String, String> servers) {
        this.servers = servers;
        this.poller = new Thread(this::poll, "lease-watch");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (!closed) {
            servers.forEach(this::read);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void read(String server, String url) {
        String body;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/leases"))
                    .timeout(Duration.ofMillis(800)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return;
            }
            body = r.body();
        } catch (Exception e) {
            return; // down or restarting
        }
        Matcher holding = HOLDING.matcher(body);
        while (holding.find()) {
            String h = holding.group();
            Matcher room = ROOM.matcher(h);
            Matcher since = SINCE.matcher(h);
            Matcher until = UNTIL.matcher(h);
            if (room.find() && since.find() && until.find()) {
                record(new Span(server, room.group(1), Long.parseLong(since.group(1)), Long.parseLong(until.group(1)),
                        ENDED.matcher(h).find()));
            }
        }
    }

    /** Keeps the latest word on a span: an ended span's end is final; a held one's grows with each renewal. */
    private void record(Span seen) {
        spans.merge(seen.server() + " " + seen.room() + " " + seen.since(), seen, (a, b) -> {
            if (a.ended() != b.ended()) {
                return a.ended() ? a : b;
            }
            return a.until() >= b.until() ? a : b;
        });
    }

    /**
     * A server stopped by SIGTERM: its actuator went away during the drain, so the spans it ended on shutdown come from
     * its log's last line about leases ("leases ended on shutdown ...").
     */
    void stopped(String server, String log) {
        int at = log.lastIndexOf("leases ended on shutdown");
        if (at < 0) {
            return;
        }
        String line = log.substring(at, log.indexOf('\n', at) < 0 ? log.length() : log.indexOf('\n', at));
        Matcher span = SHUTDOWN_SPAN.matcher(line.substring(line.indexOf("epoch ms):") + 10));
        while (span.find()) {
            record(new Span(server, span.group(1), Long.parseLong(span.group(2)), Long.parseLong(span.group(3)), true));
        }
    }

    /** A server was killed now: it acknowledges nothing after this moment, so its spans end here. */
    void killed(String server) {
        long death = System.currentTimeMillis();
        for (Span s : List.copyOf(spans.values())) {
            if (s.server().equals(server) && !s.ended()) {
                record(new Span(server, s.room(), s.since(), Math.min(s.until(), death), true));
            }
        }
    }

    /** The spans of these rooms. */
    List<Span> spans(Collection<String> rooms) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans.values()) {
            if (rooms.contains(s.room())) {
                out.add(s);
            }
        }
        return out;
    }

    /** Rooms that two servers held at the same moment, with the overlapping spans. */
    List<String> duplicateOwners(Collection<String> rooms) {
        Map<String, List<Span>> byRoom = new HashMap<>();
        for (Span s : spans(rooms)) {
            byRoom.computeIfAbsent(s.room(), r -> new ArrayList<>()).add(s);
        }
        List<String> out = new ArrayList<>();
        byRoom.forEach((room, list) -> {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    Span a = list.get(i);
                    Span b = list.get(j);
                    if (!a.server().equals(b.server()) && a.since() < b.until() && b.since() < a.until()) {
                        out.add(room + ": " + a + " and " + b);
                    }
                }
            }
        });
        return out;
    }

    /** The server that holds most of these rooms now (polled within the last second), or null. */
    String busiestOwner(Collection<String> rooms) {
        long now = System.currentTimeMillis();
        Map<String, Integer> counts = new HashMap<>();
        for (Span s : spans(rooms)) {
            if (s.until() > now) {
                counts.merge(s.server(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** Rooms each server holds now. */
    Map<String, Integer> owners(Collection<String> rooms) {
        long now = System.currentTimeMillis();
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Span s : spans(rooms)) {
            if (s.until() > now) {
                counts.merge(s.server(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Override
    public void close() {
        closed = true;
        poller.interrupt();
    }
}
