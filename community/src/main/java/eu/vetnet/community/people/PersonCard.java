package eu.vetnet.community.people;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A person as other members see them: only the fields they show (a hidden field is absent, not empty). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonCard(String id, String username, String displayName, String organisation, String headline,
        List<String> expertise, List<String> sectors, List<String> languages, String country, String region,
        boolean availableForCounselling, boolean demo) {

    public static PersonCard of(Profile p) {
        return new PersonCard(p.id(), p.username(), p.displayName(),
                p.shows("organisation") ? p.organisation() : null,
                p.shows("headline") && !p.headline().isEmpty() ? p.headline() : null,
                p.shows("expertise") ? p.expertise() : null,
                p.shows("sectors") ? p.sectors() : null,
                p.shows("languages") ? p.languages() : null,
                p.shows("place") ? p.country() : null,
                p.shows("place") ? p.region() : null,
                p.isAvailable(), p.demo());
    }
}
