package eu.vetnet.rooms.history;

import eu.vetnet.storage.CassandraProperties;
import eu.vetnet.testkit.LocalServices;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops and starts real services through deploy/services.sh, as operators do (the testkit only starts them). */
public final class Launcher {

    private Launcher() {
    }

    public static void run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", LocalServices.repositoryRoot().resolve("deploy/services.sh").toString()));
        command.addAll(List.of(arguments));
        try {
            Process p = new ProcessBuilder(command).directory(LocalServices.repositoryRoot().toFile()).inheritIO().start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts Cassandra again after a test stopped it, and waits until every session of this JVM has found it: the
     * room servers of the other integration tests share the JVM, and their driver tries a lost node again at most
     * {@code vetnet.cassandra.reconnect-every} apart.
     */
    public static void cassandraBack() {
        run("start", "cassandra");
        try {
            Thread.sleep(new CassandraProperties().getReconnectEvery().toMillis() + 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
