package eu.vetnet.rooms.hook;

/**
 * What {@code onAuthenticate} hooks establish for one connection and one document: the first hook sets the
 * user (from the token), a later one the user's role in the room. A hook that refuses throws
 * {@link AccessDeniedException}. Filled by hooks run one after another, read by the core afterwards.
 */
public final class AuthContext {

    private RoomUser user;
    private RoomRole role;

    public RoomUser user() {
        return user;
    }

    public void user(RoomUser user) {
        this.user = user;
    }

    public RoomRole role() {
        return role;
    }

    public void role(RoomRole role) {
        this.role = role;
    }
}
