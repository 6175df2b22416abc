package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.inspect.Touch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What any writer, facilitators included, may put into a board object's {@code color} and {@code url}: every viewer's
 * browser renders them, so a colour is one of the board's palette (frontend/src/board/palette.json, the one
 * definition) and an image is data the update carries itself ({@code data:image/png|jpeg|gif|webp;base64}) or a
 * path of our own origin ({@code /api/rooms/{room}/images/{id}}), never a URL that sends every viewer's browser to a
 * third party (a tracking beacon). docs/rooms.md, "Board content".
 */
public final class BoardContent {

    static final String COLOR = "color";
    static final String URL = "url";
    private static final Pattern DATA_IMAGE = Pattern.compile("data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}");
    private static final Pattern OWN_IMAGE = Pattern.compile("/api/rooms/[A-Za-z0-9_-]{1,64}/images/[A-Za-z0-9_.-]{1,128}");
    private static final Set<String> PALETTE = loadPalette();

    private BoardContent() {
    }

    /** Judges the touches of one update to {@code board}, whoever sent it. */
    public static Verdict check(List<Touch> touches) {
        for (Touch t : touches) {
            if (t.kind() != Touch.Kind.INSERT || t.parent().size() != 2 || !"objects".equals(t.root()) || t.key() == null) {
                continue;
            }
            if (COLOR.equals(t.key())) {
                Object value = Touches.value(t);
                if (!(value instanceof String color) || !PALETTE.contains(color.toLowerCase())) {
                    return Verdict.deny("objects/" + Touches.keyAt(t, 1) + "/color must be one of the board's colours "
                            + PALETTE + ", not " + value);
                }
            } else if (URL.equals(t.key())) {
                Object value = Touches.value(t);
                if (!(value instanceof String url) || !(OWN_IMAGE.matcher(url).matches() || DATA_IMAGE.matcher(url).matches())) {
                    return Verdict.deny("objects/" + Touches.keyAt(t, 1) + "/url must be an image of this server"
                            + " (/api/rooms/{room}/images/{id}) or a data:image/png|jpeg|gif|webp;base64 URL, not "
                            + abbreviate(value));
                }
            }
        }
        return Verdict.ALLOW;
    }

    /** The palette's colours, lower case. */
    public static Set<String> palette() {
        return PALETTE;
    }

    private static Set<String> loadPalette() {
        try (InputStream in = BoardContent.class.getResourceAsStream("palette.json")) {
            if (in == null) {
                throw new IllegalStateException("palette.json is missing from the room server's classpath (rooms/pom.xml copies it)");
            }
            JsonNode palette = new ObjectMapper().readTree(in);
            Set<String> colours = new HashSet<>();
            for (String group : List.of("note", "frame", "shape", "line")) {
                JsonNode node = palette.get(group);
                if (node != null) {
                    node.forEach(c -> colours.add(c.asString().toLowerCase()));
                }
            }
            return Set.copyOf(colours);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
