package eu.vetnet.bench.ws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class WsConnectionTests {

    private static byte[] unmask(ByteBuffer frame, int headerBytes, int length) {
        byte[] mask = new byte[4];
        frame.get(headerBytes, mask);
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (frame.get(headerBytes + 4 + i) ^ mask[i & 3]);
        }
        return out;
    }

    @Test
    void writesMaskedBinaryFramesOfEverySizeClass() {
        for (int length : new int[] {0, 125, 126, 65535, 65536, 300_000}) {
            byte[] payload = new byte[length];
            for (int i = 0; i < length; i++) {
                payload[i] = (byte) (i * 31);
            }
            ByteBuffer f = WsConnection.frame(0x2, payload);
            assertEquals(0x82, f.get(0) & 0xFF, "FIN + binary");
            assertEquals(0x80, f.get(1) & 0x80, "a client masks");
            int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
            long declared = length < 126 ? f.get(1) & 0x7F : length < 65536 ? f.getShort(2) & 0xFFFF : f.getLong(2);
            assertEquals(length, declared);
            assertEquals(header + 4 + length, f.remaining());
            assertArrayEquals(payload, unmask(f, header, length));
        }
    }
}
