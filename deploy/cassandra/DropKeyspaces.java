import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Row;
import com.datastax.driver.core.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the keyspaces whose names begin with a prefix (deploy/services.sh drop-keyspaces PREFIX PORT): the browser
 * test's run keyspaces, one per run (frontend/e2e/stack.mjs), which would otherwise pile up in the embedded
 * Cassandra until its heap no longer holds their schemas. Run as a single-file program on Cassandra's own classpath,
 * whose client driver it uses. Only names of letters, digits and underscores, and never the system keyspaces.
 */
public class DropKeyspaces {

    public static void main(String[] args) {
        String prefix = args[0];
        if (!prefix.matches("[a-z][a-z0-9_]{2,}") || prefix.startsWith("system")) {
            throw new IllegalArgumentException("not a keyspace prefix: " + prefix);
        }
        try (Cluster cluster = Cluster.builder().addContactPoint("127.0.0.1").withPort(Integer.parseInt(args[1])).withoutMetrics().build();
                Session session = cluster.connect()) {
            List<String> doomed = new ArrayList<>();
            for (Row row : session.execute("SELECT keyspace_name FROM system_schema.keyspaces")) {
                String name = row.getString(0);
                if (name.startsWith(prefix)) {
                    doomed.add(name);
                }
            }
            for (String name : doomed) {
                session.execute("DROP KEYSPACE IF EXISTS " + name);
                System.out.println("dropped keyspace " + name);
            }
        }
    }
}
