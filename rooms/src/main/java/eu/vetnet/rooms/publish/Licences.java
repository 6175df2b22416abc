package eu.vetnet.rooms.publish;

import eu.vetnet.identity.api.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Creative Commons licences a publication may be under: the community library's list
 * (community/.../reference/licences.json, copied beside this class at build time by rooms/pom.xml), so the library's
 * practices and the rooms' publications offer the same licences under the same ids.
 */
public final class Licences {

    /** One licence as a publication names it. */
    public record Licence(String id, String name, String shortName, String url) {
    }

    private static final Map<String, Licence> ALL = load();

    private Licences() {
    }

    public static List<Licence> all() {
        return List.copyOf(ALL.values());
    }

    /** The licence with this id; a clear 400 otherwise, naming those there are. */
    public static Licence require(String id) {
        Licence l = id == null ? null : ALL.get(id);
        if (l == null) {
            throw ApiException.badRequest("choose the licence to publish under", "one of " + ALL.keySet());
        }
        return l;
    }

    private static Map<String, Licence> load() {
        try (InputStream in = Licences.class.getResourceAsStream("licences.json")) {
            if (in == null) {
                throw new IllegalStateException("licences.json is missing from the room server's classpath (rooms/pom.xml copies it)");
            }
            Map<String, Licence> out = new LinkedHashMap<>();
            for (JsonNode l : new ObjectMapper().readTree(in).get("licences")) {
                out.put(l.get("id").asString(), new Licence(l.get("id").asString(), l.get("name").asString(), l.get("short").asString(),
                        l.get("url").asString()));
            }
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
