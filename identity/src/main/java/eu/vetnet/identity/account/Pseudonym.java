package eu.vetnet.identity.account;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Who stands in for a person whose account was deleted, wherever their part of shared work stays (docs/community.md,
 * "Deleting an account"): an id and a name, both random, so that nothing about the person can be read from them.
 * The same pseudonym everywhere for one person, so a discussion still reads as one voice answering another.
 */
public record Pseudonym(String id, String name) {

    /** What a pseudonym's name looks like: the room server takes no other name for a deleted account. */
    public static final Pattern NAME = Pattern.compile("Former member [0-9A-Z]{6}");

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a pseudonym's id looks like. */
    public static final Pattern ID = Pattern.compile("former-[0-9a-z]{10}");

    public Pseudonym {
        if (id == null || !ID.matcher(id).matches() || name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a pseudonym: " + id + " / " + name);
        }
    }

    public static Pseudonym fresh() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new Pseudonym("former-" + code.toString().toLowerCase(java.util.Locale.ROOT), "Former member " + code.substring(0, 6));
    }
}
