package eu.vetnet.crdt.struct;

/** The unique id of one unit of content: the client that made it and that client's clock at the time. */
public record Id(long client, long clock) {

    public static boolean equal(Id a, Id b) {
        return a == b || (a != null && b != null && a.client == b.client && a.clock == b.clock);
    }

    @Override
    public String toString() {
        return client + ":" + clock;
    }
}
