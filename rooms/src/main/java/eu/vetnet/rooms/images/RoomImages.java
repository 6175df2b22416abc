package eu.vetnet.rooms.images;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The images of a room's board, stored by the server and served from our own origin (docs/rooms.md, "Images").
 * An image's id is the SHA-256 of its bytes: the same picture uploaded twice is stored once, and an id never
 * names other bytes. With the history (Cassandra) or in memory, chosen by {@code vetnet.history.store}.
 */
public interface RoomImages {

    /** One stored image: its bytes, their format (sniffed), who uploaded it and when. */
    record StoredImage(String id, ImageType type, byte[] bytes, String uploadedBy, Instant uploadedAt) {
    }

    /** Stores the image (an image with this id already stored stays as it is). */
    CompletionStage<Void> store(String room, StoredImage image);

    /** The image {@code id} of the room, if stored. */
    CompletionStage<Optional<StoredImage>> find(String room, String id);
}
