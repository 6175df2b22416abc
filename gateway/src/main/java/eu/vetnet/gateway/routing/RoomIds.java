package eu.vetnet.gateway.routing;

import java.util.Optional;

/** The room a request is about, from its path: {@code /ws/rooms/{roomId}/...} or {@code /api/rooms/{roomId}/...}. */
public final class RoomIds {

    private RoomIds() {
    }

    public static Optional<String> fromPath(String path) {
        for (String prefix : new String[] {"/ws/rooms/", "/api/rooms/"}) {
            if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                int slash = rest.indexOf('/');
                String id = slash < 0 ? rest : rest.substring(0, slash);
                return id.isEmpty() ? Optional.empty() : Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
