package eu.vetnet.community.people;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A person's own profile as they read and edit it: everything but the e-mail address (theirs from the sign-in). */
public record ProfileView(String id, String username, String displayName, String organisation, String headline, String bio,
        List<String> expertise, List<String> sectors, List<String> languages, String country, String region, boolean listed,
        boolean availableForCounselling, Map<String, Profile.Visibility> visibility, Instant updatedAt, boolean demo,
        boolean emailInvitations, boolean emailDigest) {

    public static ProfileView of(Profile p) {
        Map<String, Profile.Visibility> all = new java.util.LinkedHashMap<>();
        Profile.FIELDS.forEach(f -> all.put(f, p.visibility().getOrDefault(f, Profile.Visibility.MEMBERS)));
        return new ProfileView(p.id(), p.username(), p.displayName(), p.organisation(), p.headline(), p.bio(), p.expertise(),
                p.sectors(), p.languages(), p.country(), p.region(), p.isListed(), p.isAvailable(), all, p.updatedAt(), p.demo(),
                p.wantsInvitationEmails(), p.wantsDigest());
    }
}
