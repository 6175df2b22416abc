package eu.vetnet.community.library;

import java.time.Instant;
import java.util.List;

/** A practice as the API answers it: flat, with what the asking member may do with it. */
public record PracticeView(String id, String slug, int version, String status, String title, String summary, String problem,
        String approach, String results, String evidence, String sector, Integer eqfLevel, String country, String region,
        String language, String organisation, String organisationType, List<PracticeContent.Link> links, String licence,
        List<Practice.Author> authors, int endorsements, boolean endorsedByMe, boolean mine, Instant createdAt,
        Instant updatedAt, Instant publishedAt, boolean demo) {

    public static PracticeView of(Practice p, boolean endorsedByMe, boolean mine) {
        var c = p.content();
        return new PracticeView(p.id(), p.slug(), p.version(), p.status().name(), c.title(), c.summary(), c.problem(),
                c.approach(), c.results(), c.evidence(), c.sector(), c.eqfLevel(), c.country(), c.region(), c.language(),
                c.organisation(), c.organisationType(), c.links(), p.licence(), p.authors(), p.endorsements(), endorsedByMe,
                mine, p.createdAt(), p.updatedAt(), p.publishedAt(), p.isDemo());
    }
}
