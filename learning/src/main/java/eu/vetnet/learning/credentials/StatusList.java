package eu.vetnet.learning.credentials;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A revocation list as W3C Bitstring Status List v1.0 writes it: one bit per credential position (1 = revoked), the
 * first position the most significant bit of the first byte, GZIP-compressed, base64url without padding after the
 * multibase prefix {@code u}. 131,072 positions: the specification's minimum, so that a list says little about how many
 * credentials an issuer gave.
 */
public final class StatusList {

    public static final int SIZE = 131_072;

    private StatusList() {
    }

    public static String encode(Collection<Integer> revoked) {
        byte[] bits = new byte[SIZE / 8];
        for (int index : revoked) {
            check(index);
            bits[index / 8] |= (byte) (0x80 >>> (index % 8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** Whether the bit at {@code index} is set in an encoded list. */
    public static boolean isSet(String encoded, int index) {
        check(index);
        if (encoded == null || !encoded.startsWith("u")) {
            throw new IllegalArgumentException("an encoded status list starts with the multibase prefix u");
        }
        byte[] compressed = Base64.getUrlDecoder().decode(encoded.substring(1));
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] bits = gzip.readNBytes(SIZE / 8 + 1);
            if (bits.length * 8 <= index) {
                throw new IllegalArgumentException("the status list has " + bits.length * 8 + " positions, not " + (index + 1));
            }
            return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
        } catch (IOException e) {
            throw new IllegalArgumentException("the status list is not GZIP data: " + e.getMessage(), e);
        }
    }

    private static void check(int index) {
        if (index < 0 || index >= SIZE) {
            throw new IllegalArgumentException("a status list position is 0 to " + (SIZE - 1) + ", not " + index);
        }
    }
}
