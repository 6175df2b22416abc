package eu.vetnet.rooms.policy;

/** A policy's answer for one update: allowed, or refused with the first reason. */
public record Verdict(boolean allowed, String reason) {

    public static final Verdict ALLOW = new Verdict(true, null);

    public static Verdict deny(String reason) {
        return new Verdict(false, reason);
    }
}
