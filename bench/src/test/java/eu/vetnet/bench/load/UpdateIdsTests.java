package eu.vetnet.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.vetnet.crdt.Updates;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YXmlText;
import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.crdt.encoding.Lib0Reader;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateIdsTests {

    private record Range(long client, long clock, int length) {
    }

    private static List<Range> walk(byte[] update) {
        List<Range> ranges = new ArrayList<>();
        UpdateIds.walk(new Lib0Reader(update), (client, clock, length) -> ranges.add(new Range(client, clock, length)));
        return ranges;
    }

    private static byte[] typed(YDoc doc, YXmlText paragraph, String text) {
        byte[][] last = new byte[1][];
        var sub = doc.onUpdate((u, origin, txn) -> last[0] = u);
        paragraph.insert(paragraph.length(), text);
        sub.close();
        return last[0];
    }

    @Test
    void findsTheIdsOfWhatALoadClientTypes() {
        YDoc doc = new YDoc(41);
        YXmlText paragraph = new YXmlText();
        doc.getXmlFragment("default").insert(0, List.of(paragraph));
        assertEquals(List.of(new Range(41, 0, 1)), walk(doc.encodeStateAsUpdate()));
        assertEquals(List.of(new Range(41, 1, 2)), walk(typed(doc, paragraph, "ab")));
        assertEquals(List.of(new Range(41, 3, 3)), walk(typed(doc, paragraph, "a\uD83D\uDE00")), "a surrogate pair counts two");
    }

    @Test
    void findsEveryUpdateInsideAMergedMessage() {
        YDoc a = new YDoc(1);
        YDoc b = new YDoc(2);
        YXmlText pa = new YXmlText();
        YXmlText pb = new YXmlText();
        a.getXmlFragment("default").insert(0, List.of(pa));
        b.getXmlFragment("default").insert(0, List.of(pb));
        byte[] a1 = typed(a, pa, "ab");
        byte[] a2 = typed(a, pa, "ab");
        byte[] b1 = typed(b, pb, "ab");
        List<Range> ranges = walk(Updates.mergeUpdates(List.of(a1, b1, a2)));
        long aChars = ranges.stream().filter(r -> r.client == 1).mapToLong(Range::length).sum();
        long bChars = ranges.stream().filter(r -> r.client == 2).mapToLong(Range::length).sum();
        assertEquals(4, aChars);
        assertEquals(2, bChars);
        assertEquals(1, ranges.stream().filter(r -> r.client == 1).mapToLong(Range::clock).min().orElseThrow());
    }

    @Test
    void readsAnyContentWithTheEnginesDecoderAndRefusesATruncatedUpdate() {
        YDoc doc = new YDoc(5);
        doc.getMap("m").set("k", 1);
        assertEquals(List.of(new Range(5, 0, 1)), walk(doc.encodeStateAsUpdate()));
        byte[] update = doc.encodeStateAsUpdate();
        assertThrows(DecodingException.class, () -> walk(Arrays.copyOf(update, update.length - 4)));
    }
}
