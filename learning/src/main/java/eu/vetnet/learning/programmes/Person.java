package eu.vetnet.learning.programmes;

import eu.vetnet.identity.VetnetUser;

/** Someone named on a programme or an edition: their account id and the name shown. */
public record Person(String id, String name) {

    public static Person of(VetnetUser user) {
        return new Person(user.id(), user.displayName());
    }
}
