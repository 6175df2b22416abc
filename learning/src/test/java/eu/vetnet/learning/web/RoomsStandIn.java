package eu.vetnet.learning.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the parts of the room server's API the learning server calls, in its integration tests: the replay
 * API ({@code GET /api/rooms/{id}/sessions}) answers the pages a test puts for a room (by cursor), 403 for others;
 * {@code POST /api/rooms} makes a room (kept as its JSON, 403 unless the token's roles include facilitator), which
 * {@code GET /api/rooms/{id}} reads and {@code PUT /api/rooms/{id}/access} changes, 403 for rooms it did not make. It
 * keeps the Authorization headers it received. The real room server answers all of these in the browser test.
 */
final class RoomsStandIn {

    static final RoomsStandIn INSTANCE = new RoomsStandIn();

    /** Room id → cursor ("" for the first page) → the page's JSON. */
    private final Map<String, Map<String, String>> pages = new ConcurrentHashMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Room id → the room as the stand-in holds it (what was created, access as last put). */
    final Map<String, ObjectNode> rooms = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;

    private RoomsStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/rooms", exchange -> {
            String[] path = exchange.getRequestURI().getPath().split("/");
            String room = path.length > 3 ? path[3] : "";
            String action = path.length > 4 ? path[4] : "";
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization);
            String method = exchange.getRequestMethod();
            byte[] request = exchange.getRequestBody().readAllBytes();
            String body;
            if (method.equals("GET") && action.equals("sessions")) {
                String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
                String cursor = "";
                for (String pair : query.split("&")) {
                    if (pair.startsWith("cursor=")) {
                        cursor = java.net.URLDecoder.decode(pair.substring("cursor=".length()), StandardCharsets.UTF_8);
                    }
                }
                body = pages.getOrDefault(room, Map.of()).get(cursor);
            } else if (method.equals("POST") && room.isEmpty()) {
                body = facilitates(authorization) ? create(request) : null;
            } else if (method.equals("GET") && action.isEmpty() && rooms.containsKey(room)) {
                body = rooms.get(room).toString();
            } else if (method.equals("PUT") && action.equals("access") && rooms.containsKey(room)) {
                rooms.get(room).set("access", json.readTree(request));
                body = rooms.get(room).toString();
            } else {
                body = null;
            }
            int status = body == null ? 403 : method.equals("POST") ? 201 : 200;
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

    /** Whether the bearer token's realm roles name facilitator, as the room server asks before it makes a room. */
    private boolean facilitates(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String payload = new String(java.util.Base64.getUrlDecoder().decode(authorization.substring(7).split("\\.")[1]), StandardCharsets.UTF_8);
        return json.readTree(payload).path("realm_access").path("roles").valueStream().anyMatch(r -> r.asString().equals("facilitator"));
    }

    private String create(byte[] request) {
        ObjectNode room = (ObjectNode) json.readTree(request);
        String id = "made-" + java.util.UUID.randomUUID();
        room.put("id", id);
        rooms.put(id, room);
        return room.toString();
    }

    void page(String room, String cursor, String json) {
        pages.computeIfAbsent(room, r -> new ConcurrentHashMap<>()).put(cursor, json);
    }
}
