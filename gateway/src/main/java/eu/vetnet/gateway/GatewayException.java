package eu.vetnet.gateway;

/** The gateway's one unchecked exception: a configuration or a request it cannot serve, with how to fix it. */
public class GatewayException extends RuntimeException {

    public GatewayException(String message) {
        super(message);
    }

    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
