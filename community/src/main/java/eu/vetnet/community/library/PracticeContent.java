package eu.vetnet.community.library;

import java.util.List;

/**
 * What the authors of a practice write (Markdown in the long fields) and how they classify it, as a request carries
 * it and as it is stored. Checked by {@link PracticeRules} before anything is written.
 *
 * @param sector           NACE Rev. 2: a section letter ("F") or a section with a division ("C16")
 * @param eqfLevel         the EQF level it applies to (1 to 8), or null where none does
 * @param country          the country code (NUTS level 0: "IT", "EL" for Greece)
 * @param region           a NUTS region of that country, or null
 * @param language         the language it is written in (ISO 639-1)
 * @param organisationType one of reference/organisation-types.json
 */
public record PracticeContent(String title, String summary, String problem, String approach, String results, String evidence,
        String sector, Integer eqfLevel, String country, String region, String language, String organisation,
        String organisationType, List<Link> links) {

    /** A link to where the practice came from or shows more (a room, a board, a report). */
    public record Link(String label, String url) {
    }

    public PracticeContent {
        links = links == null ? List.of() : List.copyOf(links);
    }
}
