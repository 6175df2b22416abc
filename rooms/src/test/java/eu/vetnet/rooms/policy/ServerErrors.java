package eu.vetnet.rooms.policy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Exceptions the room server caught and logged while handling an adversarial update: a room task that failed (the
 * client never gets its answer), an update that could not be inspected, an engine failure while applying. None of
 * these should happen for an update that decodes; each is reported with its stack. Catches what the server logs at
 * WARN or above with a throwable, from eu.vetnet.*; cases run one at a time, so {@link #drain} is per case.
 */
final class ServerErrors extends AppenderBase<ILoggingEvent> {

    private static final ServerErrors INSTANCE = install();
    private final List<String> seen = new ArrayList<>();

    private static ServerErrors install() {
        ServerErrors appender = new ServerErrors();
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            appender.setContext(context);
            appender.start();
            Logger vetnet = context.getLogger("eu.vetnet");
            vetnet.addAppender(appender);
        }
        return appender;
    }

    /** What was logged since the last call. */
    static List<String> drain() {
        synchronized (INSTANCE.seen) {
            List<String> out = new ArrayList<>(INSTANCE.seen);
            INSTANCE.seen.clear();
            return out;
        }
    }

    @Override
    protected void append(ILoggingEvent e) {
        if (!e.getLevel().isGreaterOrEqual(Level.WARN) || e.getThrowableProxy() == null) {
            return;
        }
        IThrowableProxy root = e.getThrowableProxy();
        StackTraceElementProxy[] top = root.getStackTraceElementProxyArray();
        // The first line names the exception and where it was thrown: the report groups findings by it.
        StringBuilder sb = new StringBuilder(root.getClassName()).append(" at ")
                .append(top.length > 0 ? top[0].getSTEAsString() : "?").append(" (logged by ").append(e.getLoggerName())
                .append(": ").append(e.getFormattedMessage()).append(')');
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            sb.append("\n  ").append(t.getClassName()).append(": ").append(t.getMessage());
            StackTraceElementProxy[] frames = t.getStackTraceElementProxyArray();
            for (int i = 0; i < Math.min(12, frames.length); i++) {
                sb.append("\n    ").append(frames[i].getSTEAsString());
            }
        }
        synchronized (seen) {
            seen.add(sb.toString());
        }
    }
}
