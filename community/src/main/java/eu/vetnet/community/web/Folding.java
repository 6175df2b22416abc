package eu.vetnet.community.web;

import java.text.Normalizer;
import java.util.Locale;

/** Text as searches compare it: lower case, accents removed ("Müller" is "muller"). One rule for every in-memory search. */
public final class Folding {

    private Folding() {
    }

    public static String fold(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).strip();
    }
}
