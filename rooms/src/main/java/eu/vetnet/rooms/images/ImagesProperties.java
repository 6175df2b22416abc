package eu.vetnet.rooms.images;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.rooms.images}: how large an uploaded image may be (docs/rooms.md, "Images"). */
@ConfigurationProperties("vetnet.rooms.images")
public class ImagesProperties {

    /** 4 MiB: a phone photo; larger ones are refused with 413 and a hint to scale them down. */
    public static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

    private int maxBytes = DEFAULT_MAX_BYTES;

    public int getMaxBytes() {
        return maxBytes;
    }

    public void setMaxBytes(int maxBytes) {
        this.maxBytes = maxBytes;
    }
}
