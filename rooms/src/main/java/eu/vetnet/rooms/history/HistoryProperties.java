package eu.vetnet.rooms.history;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.history.*}: how documents are stored (docs/history-and-presence.md). */
@ConfigurationProperties("vetnet.history")
public class HistoryProperties {

    /** Where documents and rooms are kept. */
    public enum Store {
        /** Cassandra (the default: {@code ./vetnet run} and production). */
        CASSANDRA,
        /** The core's in-memory storage, lost on restart: unit tests and experiments only. */
        MEMORY
    }

    private Store store = Store.CASSANDRA;
    /** Group commit: groups written at the same time; further appends wait for one of them and go together. */
    private int groupCommitMaxInFlight = 2;
    /** Group commit: the longest an append waits for a group in flight before it is written anyway. */
    private Duration groupCommitWindow = Duration.ofMillis(2);
    /** Group commit: a group is written at once when it holds this many appends. */
    private int groupCommitMaxUpdates = 64;
    /** Bytes of payload in one unlogged batch (Cassandra refuses batches over 50 KiB by default). */
    private int groupCommitMaxBatchBytes = 40 * 1024;
    /**
     * How long an update's append is retried while Cassandra fails (a stall, a reconnect) before the update is
     * given up as not stored; its broadcast waits meanwhile (docs/history-and-presence.md, "Appends").
     */
    private Duration appendRetryFor = Duration.ofSeconds(30);
    /** How long shutdown waits for pending appends. */
    private Duration drainTimeout = Duration.ofSeconds(20);
    /** Every update stays in the log this long (replay to the update); older rows go once a snapshot covers them. */
    private Duration keepEveryUpdateFor = Duration.ofDays(30);
    /** Snapshots are thinned to the newest one per this much time: replay older than the above is exact to about it. */
    private Duration snapshotGranularity = Duration.ofMinutes(1);
    /** How often an open document's history is thinned and its old log rows deleted (after a snapshot). */
    private Duration compactEvery = Duration.ofMinutes(10);
    /** Sessions on a page of {@code GET /api/rooms/{id}/sessions} when the request names no {@code limit}... */
    private int sessionsPageSize = 50;
    /** ...and the most a request may ask for (400 above). */
    private int sessionsMaxPageSize = 200;
    /** Session events one request reads at most; a page that reaches it ends inside a session (docs: "Replay REST"). */
    private int sessionsMaxEventsPerPage = 20_000;

    public Store getStore() { return store; }
    public void setStore(Store v) { store = v; }
    public int getGroupCommitMaxInFlight() { return groupCommitMaxInFlight; }
    public void setGroupCommitMaxInFlight(int v) { groupCommitMaxInFlight = v; }
    public Duration getGroupCommitWindow() { return groupCommitWindow; }
    public void setGroupCommitWindow(Duration v) { groupCommitWindow = v; }
    public int getGroupCommitMaxUpdates() { return groupCommitMaxUpdates; }
    public void setGroupCommitMaxUpdates(int v) { groupCommitMaxUpdates = v; }
    public int getGroupCommitMaxBatchBytes() { return groupCommitMaxBatchBytes; }
    public void setGroupCommitMaxBatchBytes(int v) { groupCommitMaxBatchBytes = v; }
    public Duration getAppendRetryFor() { return appendRetryFor; }
    public void setAppendRetryFor(Duration v) { appendRetryFor = v; }
    public Duration getDrainTimeout() { return drainTimeout; }
    public void setDrainTimeout(Duration v) { drainTimeout = v; }
    public Duration getKeepEveryUpdateFor() { return keepEveryUpdateFor; }
    public void setKeepEveryUpdateFor(Duration v) { keepEveryUpdateFor = v; }
    public Duration getSnapshotGranularity() { return snapshotGranularity; }
    public void setSnapshotGranularity(Duration v) { snapshotGranularity = v; }
    public Duration getCompactEvery() { return compactEvery; }
    public void setCompactEvery(Duration v) { compactEvery = v; }
    public int getSessionsPageSize() { return sessionsPageSize; }
    public void setSessionsPageSize(int v) { sessionsPageSize = v; }
    public int getSessionsMaxPageSize() { return sessionsMaxPageSize; }
    public void setSessionsMaxPageSize(int v) { sessionsMaxPageSize = v; }
    public int getSessionsMaxEventsPerPage() { return sessionsMaxEventsPerPage; }
    public void setSessionsMaxEventsPerPage(int v) { sessionsMaxEventsPerPage = v; }
}
