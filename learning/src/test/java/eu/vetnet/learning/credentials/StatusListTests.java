package eu.vetnet.learning.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class StatusListTests {

    @Test
    void exactlyTheRevokedPositionsReadAsSet() {
        Random random = new Random(7);
        Set<Integer> revoked = new TreeSet<>();
        for (int i = 0; i < 500; i++) {
            revoked.add(random.nextInt(StatusList.SIZE));
        }
        revoked.addAll(List.of(0, 7, 8, StatusList.SIZE - 1));
        String encoded = StatusList.encode(revoked);
        for (int i = 0; i < StatusList.SIZE; i++) {
            assertThat(StatusList.isSet(encoded, i)).as("position %d", i).isEqualTo(revoked.contains(i));
        }
    }

    @Test
    void theFirstPositionIsTheMostSignificantBitOfTheFirstByteAndTheListIsGzipInMultibaseBase64Url() throws Exception {
        String encoded = StatusList.encode(List.of(0, 9));
        assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
        byte[] bits = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1)))).readAllBytes();
        assertThat(bits).hasSize(StatusList.SIZE / 8);
        assertThat(bits[0] & 0xFF).isEqualTo(0x80);
        assertThat(bits[1] & 0xFF).isEqualTo(0x40);
    }

    @Test
    void positionsOutOfRangeAndListsThatAreNotOneAreRefused() {
        assertThatThrownBy(() -> StatusList.encode(List.of(StatusList.SIZE))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusList.isSet("u" + Base64.getUrlEncoder().encodeToString("not gzip".getBytes()), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusList.isSet("zabc", 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
