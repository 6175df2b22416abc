package eu.vetnet.community.organisations;

import java.time.Instant;
import java.util.List;

/**
 * An organisation's profile (docs/community.md, "Organisations"). Who belongs to it is identity's business: the
 * organisation group of each person's sign-in (a Keycloak group under /organisations), whose name is this profile's
 * id. What VET-NET adds is how the organisation describes itself: its type, place, sectors, languages, a short
 * profile and its site, kept by its admins.
 */
public record Organisation(String id, String name, String type, String country, String region, List<String> sectors,
        List<String> languages, String profile, String website, List<String> admins, Instant updatedAt, Boolean demo) {

    public Organisation {
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        languages = languages == null ? List.of() : List.copyOf(languages);
        admins = admins == null ? List.of() : List.copyOf(admins);
        demo = Boolean.TRUE.equals(demo);
    }
}
