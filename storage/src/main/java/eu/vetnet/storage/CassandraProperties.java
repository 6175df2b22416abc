package eu.vetnet.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vetnet.cassandra.*}: where the durable data lives (the rooms' history, the community). Every server that
 * stores in Cassandra reads these same settings. Defaults fit the embedded single node of {@code ./vetnet run}.
 */
@ConfigurationProperties("vetnet.cassandra")
public class CassandraProperties {

    /** host:port pairs ({@code VETNET_CASSANDRA_CONTACT_POINTS}, comma separated). */
    private List<String> contactPoints = new ArrayList<>(List.of("127.0.0.1:9042"));
    /** The driver only routes to nodes of this datacenter. */
    private String localDatacenter = "datacenter1";
    private String keyspace = "vetnet";
    /** The keyspace's replication map, used only when the keyspace is created. */
    private String replication = "{'class': 'SimpleStrategy', 'replication_factor': 1}";
    /** Consistency of every read and write: LOCAL_QUORUM in production, ONE for the embedded node. */
    private String consistency = "LOCAL_QUORUM";
    /** Apply the server's schema file (deploy/cassandra/*.cql) at start when tables are missing. */
    private boolean createSchema = true;
    private Duration requestTimeout = Duration.ofSeconds(5);
    /** How often, at most, to try again when Cassandra cannot be reached: at start, and a node lost while running. */
    private Duration reconnectEvery = Duration.ofSeconds(5);

    public List<String> getContactPoints() { return contactPoints; }
    public void setContactPoints(List<String> v) { contactPoints = v; }
    public String getLocalDatacenter() { return localDatacenter; }
    public void setLocalDatacenter(String v) { localDatacenter = v; }
    public String getKeyspace() { return keyspace; }
    public void setKeyspace(String v) { keyspace = v; }
    public String getReplication() { return replication; }
    public void setReplication(String v) { replication = v; }
    public String getConsistency() { return consistency; }
    public void setConsistency(String v) { consistency = v; }
    public boolean isCreateSchema() { return createSchema; }
    public void setCreateSchema(boolean v) { createSchema = v; }
    public Duration getRequestTimeout() { return requestTimeout; }
    public void setRequestTimeout(Duration v) { requestTimeout = v; }
    public Duration getReconnectEvery() { return reconnectEvery; }
    public void setReconnectEvery(Duration v) { reconnectEvery = v; }
}
