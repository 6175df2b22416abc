package eu.vetnet.community.search;

import eu.vetnet.community.library.Practice;
import java.time.Instant;

/** A practice as a search result lists it: enough to show and link it, kept in the index so search never reads Cassandra. */
public record PracticeHit(String id, String slug, String title, String summary, String sector, Integer eqfLevel, String country,
        String region, String language, String licence, String organisation, String organisationType, int endorsements,
        Instant publishedAt, Boolean demo) {

    public static PracticeHit of(Practice p) {
        var c = p.content();
        return new PracticeHit(p.id(), p.slug(), c.title(), c.summary(), c.sector(), c.eqfLevel(), c.country(), c.region(),
                c.language(), p.licence(), c.organisation(), c.organisationType(), p.endorsements(), p.publishedAt(), p.isDemo());
    }
}
