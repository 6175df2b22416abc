package eu.vetnet.testkit;

/** The one exception this module throws: a service could not be found or started. The message says how to fix it. */
public class TestkitException extends RuntimeException {

    public TestkitException(String message) {
        super(message);
    }

    public TestkitException(String message, Throwable cause) {
        super(message, cause);
    }
}
