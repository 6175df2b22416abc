package eu.vetnet.community.organisations;

import eu.vetnet.community.people.PersonCard;
import eu.vetnet.community.web.Markdown;
import java.time.Instant;
import java.util.List;

/** An organisation as members read it: its profile (Markdown rendered safely), its listed people, whether they may edit it. */
public record OrganisationView(String id, String name, String type, String country, String region, List<String> sectors,
        List<String> languages, String profile, String profileHtml, String website, int people, List<PersonCard> listed,
        boolean canEdit, Instant updatedAt, boolean demo) {

    public static OrganisationView of(Organisation o, int people, List<PersonCard> listed, boolean canEdit) {
        return new OrganisationView(o.id(), o.name(), o.type(), o.country(), o.region(), o.sectors(), o.languages(), o.profile(),
                Markdown.toHtml(o.profile()), o.website(), people, listed, canEdit, o.updatedAt(), o.demo());
    }
}
