package eu.vetnet.rooms.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.UpdateInspector;
import eu.vetnet.crdt.types.YMap;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Colours and images on the board, whoever writes them (docs/rooms.md, "Board content"). */
class BoardContentTests {

    private final YDoc server = new YDoc(1);

    private Verdict objectWith(String key, Object value) {
        byte[] update = new Replica(server, 30).edit(d -> {
            YMap m = new YMap();
            m.set("type", "note");
            m.set("owner", "fabio-id");
            m.set(key, value);
            d.getMap("objects").set("o1", m);
        });
        return BoardContent.check(UpdateInspector.inspect(server, update));
    }

    @Test
    void thePaletteIsTheAppsOwnFile() {
        assertEquals(14, BoardContent.palette().size(), BoardContent.palette().toString());
        assertTrue(BoardContent.palette().containsAll(Set.of("#fff3a3", "#f4f6f8", "#4a6fa5", "#36454f")));
    }

    @Test
    void aPaletteColourIsAllowedInAnyCase() {
        assertTrue(objectWith("color", "#FFF3A3").allowed());
        assertTrue(objectWith("color", "#c8f0c0").allowed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"#fff3a4", "red", "url(https://tracker.example/p.gif)", "hsl(0 100% 50%)", "expression(alert(1))", ""})
    void anyOtherColourIsRefused(String colour) {
        Verdict v = objectWith("color", colour);
        assertFalse(v.allowed());
        assertTrue(v.reason().contains("board's colours"), v.reason());
    }

    @Test
    void aColourThatIsNoStringIsRefused() {
        assertFalse(objectWith("color", 16_777_215L).allowed());
    }

    @Test
    void ourOwnImagesAndDataImagesAreAllowed() {
        assertTrue(objectWith("url", "/api/rooms/r-1/images/3f2a.png").allowed());
        assertTrue(objectWith("url", "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==").allowed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://tracker.example/pixel.gif", "http://localhost:8080/x.png", "//evil.example/a.png",
        "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=", "data:text/html;base64,PGgxPg==", "javascript:alert(1)",
        "/api/rooms/r-1/images/../../admin", "/api/rooms/r-1/images/a.png?track=1"})
    void foreignImagesAndOtherUrlsAreRefused(String url) {
        Verdict v = objectWith("url", url);
        assertFalse(v.allowed(), url);
        assertTrue(v.reason().contains("image of this server"), v.reason());
    }

    @Test
    void otherKeysAreNotJudgedHere() {
        assertTrue(objectWith("text", "https://example.org is only text").allowed());
    }
}
