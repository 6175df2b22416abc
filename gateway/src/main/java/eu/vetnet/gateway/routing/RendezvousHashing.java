package eu.vetnet.gateway.routing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.cloud.client.ServiceInstance;

/**
 * Highest random weight (rendezvous) hashing: each room goes to the instance whose hash of (instance, room) is
 * the highest. Removing an instance moves only its own rooms; adding one takes a fair share from each. No ring,
 * no state: every gateway computes the same owner from the same list.
 */
public final class RendezvousHashing {

    private RendezvousHashing() {
    }

    /** The owner of {@code key} among {@code instances}, empty when there are none. */
    public static Optional<ServiceInstance> choose(String key, List<ServiceInstance> instances) {
        ServiceInstance best = null;
        long bestWeight = 0;
        for (ServiceInstance instance : instances) {
            long weight = weight(instance.getInstanceId(), key);
            // Ties (astronomically rare) go to the smaller id, so that the choice never depends on list order.
            if (best == null || Long.compareUnsigned(weight, bestWeight) > 0
                    || (weight == bestWeight && instance.getInstanceId().compareTo(best.getInstanceId()) < 0)) {
                best = instance;
                bestWeight = weight;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A 64-bit FNV-1a of "instance\0key", finished with a SplitMix64 mix so that similar ids spread well. */
    static long weight(String instanceId, String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (instanceId + '\0' + key).getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }
}
