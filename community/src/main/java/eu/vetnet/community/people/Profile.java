package eu.vetnet.community.people;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What VET-NET holds about a person beyond their identity (docs/community.md, "People"). Identity (id, username,
 * display name, organisation, e-mail) comes from the sign-in and is refreshed from each token; the rest the person
 * writes, and decides who sees it ({@link Visibility}, per field). The e-mail address is never shown to anyone: it is
 * where invitations go.
 */
public record Profile(String id, String username, String displayName, String organisation, String email, String headline,
        String bio, List<String> expertise, List<String> sectors, List<String> languages, String country, String region,
        Boolean listed, Boolean availableForCounselling, Map<String, Visibility> visibility, Instant updatedAt, Boolean demo,
        Boolean emailInvitations, Boolean emailDigest) {

    /** The fields a person may show or hide. */
    public static final List<String> FIELDS = List.of("organisation", "headline", "bio", "expertise", "sectors", "languages", "place");

    public enum Visibility { MEMBERS, HIDDEN }

    public Profile {
        expertise = expertise == null ? List.of() : List.copyOf(expertise);
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        languages = languages == null ? List.of() : List.copyOf(languages);
        visibility = visibility == null ? Map.of() : Map.copyOf(visibility);
        listed = Boolean.TRUE.equals(listed);
        availableForCounselling = Boolean.TRUE.equals(availableForCounselling);
        demo = Boolean.TRUE.equals(demo);
        // Both on unless the person turned them off (docs/community.md, "Notifications").
        emailInvitations = !Boolean.FALSE.equals(emailInvitations);
        emailDigest = !Boolean.FALSE.equals(emailDigest);
    }

    public boolean wantsInvitationEmails() {
        return !Boolean.FALSE.equals(emailInvitations);
    }

    public boolean wantsDigest() {
        return !Boolean.FALSE.equals(emailDigest);
    }

    /** A first profile from the sign-in alone: not listed, not available, everything visible to members once written. */
    public static Profile fresh(String id, String username, String displayName, String organisation, String email, Instant at) {
        return new Profile(id, username, displayName, organisation, email, "", "", List.of(), List.of(), List.of(), null, null,
                false, false, Map.of(), at, false, true, true);
    }

    public boolean shows(String field) {
        return visibility.getOrDefault(field, Visibility.MEMBERS) == Visibility.MEMBERS;
    }

    public boolean isListed() {
        return Boolean.TRUE.equals(listed);
    }

    public boolean isAvailable() {
        return Boolean.TRUE.equals(availableForCounselling);
    }

    /** The same profile with identity as the latest token tells it. */
    public Profile withIdentity(String newUsername, String newDisplayName, String newOrganisation, String newEmail) {
        return new Profile(id, newUsername, newDisplayName, newOrganisation, newEmail == null ? email : newEmail, headline, bio,
                expertise, sectors, languages, country, region, listed, availableForCounselling, visibility, updatedAt, demo,
                emailInvitations, emailDigest);
    }

    public Profile withInput(ProfileInput in, Instant at) {
        return new Profile(id, username, displayName, organisation, email, in.headline(), in.bio(), in.expertise(), in.sectors(),
                in.languages(), in.country(), in.region(), in.listed(), in.availableForCounselling(), in.visibility(), at, demo,
                in.emailInvitations() == null ? emailInvitations : in.emailInvitations(), in.emailDigest() == null ? emailDigest : in.emailDigest());
    }
}
