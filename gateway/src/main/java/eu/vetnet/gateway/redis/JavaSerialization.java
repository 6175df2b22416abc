package eu.vetnet.gateway.redis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.springframework.core.ConfigurableObjectInputStream;

/**
 * JDK serialization of Spring Security's session objects (they are Serializable and carry a serialVersionUID);
 * the same format Spring Session uses for session attributes. Redis is trusted here: it holds the tokens anyway.
 */
public final class JavaSerialization {

    private JavaSerialization() {
    }

    public static byte[] write(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    /** Reads with the gateway's class loader (in the fat jar the JDK's default one does not see our classes). */
    public static <T> T read(byte[] bytes, Class<T> type) {
        try (ConfigurableObjectInputStream in = new ConfigurableObjectInputStream(new ByteArrayInputStream(bytes),
                JavaSerialization.class.getClassLoader())) {
            return type.cast(in.readObject());
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("cannot read a " + type.getSimpleName() + " written by another version?", e);
        }
    }
}
