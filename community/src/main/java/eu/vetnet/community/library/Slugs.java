package eu.vetnet.community.library;

import java.util.Locale;

/** The public page's name of a practice: its title in plain lower-case words, and a piece of its id to keep it unique. */
public final class Slugs {

    static final int MAX_WORDS_LENGTH = 60;

    private Slugs() {
    }

    public static String of(String title, String id) {
        String folded = eu.vetnet.community.web.Folding.fold(title);
        String words = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (words.length() > MAX_WORDS_LENGTH) {
            words = words.substring(0, MAX_WORDS_LENGTH).replaceAll("-[^-]*$", "");
        }
        String suffix = id.replace("-", "").substring(0, 8);
        return words.isEmpty() ? "practice-" + suffix : words + "-" + suffix;
    }

    /** Whether a path segment can be a slug at all (checked before any lookup). */
    public static boolean plausible(String slug) {
        return slug != null && slug.length() <= MAX_WORDS_LENGTH + 20 && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
