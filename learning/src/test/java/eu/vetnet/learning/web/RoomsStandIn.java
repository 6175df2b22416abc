package eu.vetnet.learning.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the room server's replay API ({@code GET /api/rooms/{id}/sessions}) in the learning server's
 * integration tests: it answers the pages a test puts for a room (by cursor), 403 for a room it was told to refuse,
 * and keeps the Authorization headers it received. The real room server answers these in the browser test.
 */
final class RoomsStandIn {

    static final RoomsStandIn INSTANCE = new RoomsStandIn();

    /** Room id → cursor ("" for the first page) → the page's JSON. */
    private final Map<String, Map<String, String>> pages = new ConcurrentHashMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private RoomsStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/rooms/", exchange -> {
            String[] path = exchange.getRequestURI().getPath().split("/");
            String room = path.length > 3 ? path[3] : "";
            String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
            String cursor = "";
            for (String pair : query.split("&")) {
                if (pair.startsWith("cursor=")) {
                    cursor = java.net.URLDecoder.decode(pair.substring("cursor=".length()), StandardCharsets.UTF_8);
                }
            }
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            String body = pages.getOrDefault(room, Map.of()).get(cursor);
            int status = body == null ? 403 : 200;
            byte[] bytes = (body == null ? "{\"status\":403,\"error\":\"Forbidden\",\"message\":\"not on the list\",\"fix\":\"ask\"}" : body)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void page(String room, String cursor, String json) {
        pages.computeIfAbsent(room, r -> new ConcurrentHashMap<>()).put(cursor, json);
    }
}
