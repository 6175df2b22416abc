package eu.vetnet.learning.credentials;

import eu.vetnet.identity.api.ApiException;
import java.text.Normalizer;
import java.util.Locale;

/** An issuing organisation's public identifiers: its slug and the address of its profile, keys and status list. */
public final class Issuers {

    private final String publicUrl;

    public Issuers(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The organisation's name in plain lower-case words: the same name always gives the same slug. */
    public static String slug(String organisation) {
        if (organisation == null || organisation.isBlank()) {
            throw ApiException.conflict("the programme has no organisation to issue its credentials",
                    "a credential is signed by an organisation: its coordinator must belong to one");
        }
        String folded = Normalizer.normalize(organisation, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "organisation" : slug.substring(0, Math.min(slug.length(), 80));
    }

    public static boolean plausible(String slug) {
        return slug != null && slug.length() <= 80 && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    /** The issuer's id in its credentials: its public profile, which lists its keys. */
    public String id(String slug) {
        return publicUrl + "/api/public/learning/issuers/" + slug;
    }

    public String statusList(String slug) {
        return id(slug) + "/status";
    }

    /** The slug an issuer id of this VET-NET names, or null for any other address. */
    public String slugOf(String issuerId) {
        String prefix = publicUrl + "/api/public/learning/issuers/";
        if (issuerId == null || !issuerId.startsWith(prefix)) {
            return null;
        }
        String slug = issuerId.substring(prefix.length());
        return plausible(slug) ? slug : null;
    }
}
