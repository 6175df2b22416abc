package eu.vetnet.crdt.oracle;

/**
 * The one failure of the JS oracle: the reference engine answered an error, or the Node process
 * died, wedged, or could not start. Carries the engine's error text and the tail of Node's stderr.
 */
public final class OracleException extends RuntimeException {

    private final String engine;
    private final String errorText;
    private final String stderrTail;

    OracleException(String engine, String message, String errorText, String stderrTail, Throwable cause) {
        super(compose(engine, message, errorText, stderrTail), cause);
        this.engine = engine;
        this.errorText = errorText;
        this.stderrTail = stderrTail;
    }

    /** The engine the oracle ran ("yjs" or "ywasm"). */
    public String engine() {
        return engine;
    }

    /** The error the oracle answered (its "error" field), or null when the process itself failed. */
    public String errorText() {
        return errorText;
    }

    /** The last lines Node wrote to stderr, possibly empty. */
    public String stderrTail() {
        return stderrTail;
    }

    /** True when the engine refused for want of an API (ywasm has no update-level utilities, for example). */
    public boolean isUnsupported() {
        return errorText != null && errorText.contains("unsupported:");
    }

    private static String compose(String engine, String message, String errorText, String stderrTail) {
        StringBuilder sb = new StringBuilder("[").append(engine).append(" oracle] ").append(message);
        if (errorText != null) {
            sb.append(": ").append(errorText);
        }
        if (stderrTail != null && !stderrTail.isBlank()) {
            sb.append("\n--- node stderr (tail) ---\n").append(stderrTail.strip());
        }
        return sb.toString();
    }
}
