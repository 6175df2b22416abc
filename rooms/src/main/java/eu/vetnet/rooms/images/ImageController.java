package eu.vetnet.rooms.images;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.room.AccessChanges;
import eu.vetnet.rooms.room.RoomAccessHook;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/rooms/{id}/images} stores an image for the room's board (anyone who may write in the room);
 * {@code GET /api/rooms/{id}/images/{image}} serves it to the people of the room (docs/rooms.md, "Images").
 */
@RestController
public class ImageController {

    /** What an upload answers: the path a board object's {@code url} takes (the board policy accepts only these). */
    public record Uploaded(String id, String url, String type, int bytes) {
    }

    private static final java.util.regex.Pattern IMAGE_ID = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    private final RoomStore rooms;
    private final RoomImages images;
    private final int maxBytes;

    public ImageController(RoomStore rooms, RoomImages images, ImagesProperties properties) {
        this.rooms = rooms;
        this.images = images;
        this.maxBytes = properties.getMaxBytes();
    }

    /** The path of image {@code id} of room {@code room}: the one spelling the client writes into the board. */
    public static String path(String room, String id) {
        return "/api/rooms/" + room + "/images/" + id;
    }

    @PostMapping("/api/rooms/{id}/images")
    public Mono<ResponseEntity<Uploaded>> upload(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, ServerHttpRequest request) {
        RoomUser user = JwtUsers.toUser(jwt);
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            // Refused before a byte of the body is read.
            return Mono.error(tooLarge());
        }
        return RoomReads.onAccessList(rooms, id, user).flatMap(room -> {
            RoomRole role = RoomAccessHook.roleOf(room, user);
            if (role == null || !role.writes()) {
                return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "observers cannot add images to room " + room.id(),
                        "ask a facilitator to make you a participant"));
            }
            AccessChanges.requireNotArchived(room, "its board");
            return DataBufferUtils.join(request.getBody(), maxBytes)
                    .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                    .map(buffer -> {
                        try {
                            byte[] bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            return bytes;
                        } finally {
                            DataBufferUtils.release(buffer);
                        }
                    })
                    .defaultIfEmpty(new byte[0])
                    .flatMap(bytes -> {
                        ImageType type = ImageType.sniff(bytes).orElseThrow(() -> new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                                "the upload is not a PNG, JPEG, GIF or WebP image (judged by its bytes, not its name or type)",
                                "save the picture as PNG or JPEG and upload that"));
                        String imageId = sha256(bytes);
                        RoomImages.StoredImage image = new RoomImages.StoredImage(imageId, type, bytes, user.id(), Instant.now());
                        return Mono.fromCompletionStage(() -> images.store(room.id(), image))
                                .thenReturn(ResponseEntity.status(HttpStatus.CREATED)
                                        .body(new Uploaded(imageId, path(room.id(), imageId), type.mediaType(), bytes.length)));
                    });
        });
    }

    @GetMapping("/api/rooms/{id}/images/{image}")
    public Mono<ResponseEntity<byte[]>> read(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String image) {
        if (!IMAGE_ID.matcher(image).matches()) {
            return Mono.error(new ApiException(HttpStatus.NOT_FOUND, "no image " + image + ": image ids are 64 hex digits",
                    "use the url the upload answered"));
        }
        return RoomReads.onAccessList(rooms, id, JwtUsers.toUser(jwt))
                .flatMap(room -> Mono.fromCompletionStage(() -> images.find(room.id(), image)))
                .flatMap(found -> found.map(Mono::just).orElseGet(() -> Mono.error(new ApiException(HttpStatus.NOT_FOUND,
                        "room " + id + " has no image " + image, "upload it again"))))
                .map(stored -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(stored.type().mediaType()))
                        // An id names its bytes for ever: cached as long as a browser likes, but only for this person.
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Security-Policy", "default-src 'none'; sandbox")
                        .header("Content-Disposition", "inline")
                        .body(stored.bytes()));
    }

    private ApiException tooLarge() {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "an image may have " + maxBytes / 1024 + " KiB at most",
                "scale the picture down or save it as JPEG, then upload it again");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
