package eu.vetnet.community.pages;

import java.util.List;
import java.util.Locale;

/** The reader's language on a public page: {@code ?lang=}, else the browser's Accept-Language, else English. */
public final class PublicLanguage {

    private PublicLanguage() {
    }

    public static String of(String requested, String acceptLanguage) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = acceptLanguage == null || acceptLanguage.isBlank() ? List.of() : Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            ranges = List.of(); // a malformed header is no reason to refuse a public page
        }
        return PageLabels.language(requested, ranges);
    }
}
