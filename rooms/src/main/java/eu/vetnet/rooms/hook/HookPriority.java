package eu.vetnet.rooms.hook;

/**
 * The order hooks run in ({@link RoomHook#priority()}, higher first), by name. Each stage needs what the ones before
 * it established: who the user is, then their role, then whether their update may be applied, then whether this
 * server holds the room, then storage, then whether it still held the room when storage was done.
 */
public final class HookPriority {

    /** Establishes the user from the token ({@code JwtAuthenticationHook}). */
    public static final int AUTHENTICATION = 1000;
    /** Sets the user's role from the room's access list ({@code RoomAccessHook}). */
    public static final int ACCESS = 900;
    /** Judges an update before it is applied ({@code WriteRules}; docs/rooms.md, "What the server checks"). */
    public static final int WRITE_RULES = 800;
    /** Counts people and checks the room's lease before a room is read ({@code PresenceHook}). */
    public static final int PRESENCE = 200;
    /** Loads, appends and stores documents ({@code InMemoryDocumentStorage}, {@code CassandraHistory}). */
    public static final int STORAGE = 100;
    /**
     * After storage: an update is acknowledged only if this server still held the room's lease once its append
     * completed ({@code LeaseFence}).
     */
    public static final int FENCE = 50;

    private HookPriority() {
    }
}
