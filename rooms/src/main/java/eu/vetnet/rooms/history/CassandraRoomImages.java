package eu.vetnet.rooms.history;

import com.datastax.oss.driver.api.core.cql.Row;
import eu.vetnet.rooms.images.ImageType;
import eu.vetnet.rooms.images.RoomImages;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** A room's images in Cassandra ({@code room_images}, one partition per room): they outlive restarts and room moves. */
public final class CassandraRoomImages implements RoomImages {

    private final Supplier<HistoryStatements> statements;

    public CassandraRoomImages(Supplier<HistoryStatements> statements) {
        this.statements = statements;
    }

    @Override
    public CompletionStage<Void> store(String room, StoredImage image) {
        // Keyed by the bytes' hash: writing the same image again writes the same bytes, so the insert is idempotent.
        return HistoryStatements.with(statements, s -> s.session()
                .executeAsync(s.get("insertImage").bind(room, image.id(), image.type().mediaType(), ByteBuffer.wrap(image.bytes()),
                        image.uploadedBy(), image.uploadedAt()).setIdempotent(true))
                .thenApply(rs -> null));
    }

    @Override
    public CompletionStage<Optional<StoredImage>> find(String room, String id) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("selectImage").bind(room, id))
                .thenApply(rs -> Optional.ofNullable(rs.one()).flatMap(row -> image(id, row))));
    }

    private static Optional<StoredImage> image(String id, Row row) {
        ByteBuffer buffer = row.getByteBuffer(1);
        byte[] bytes = new byte[buffer == null ? 0 : buffer.remaining()];
        if (buffer != null) {
            buffer.get(bytes);
        }
        return ImageType.ofMediaType(row.getString(0))
                .map(type -> new StoredImage(id, type, bytes, row.getString(2), row.getInstant(3)));
    }
}
