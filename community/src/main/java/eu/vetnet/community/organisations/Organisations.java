package eu.vetnet.community.organisations;

import eu.vetnet.community.people.Directory;
import eu.vetnet.community.people.People;
import eu.vetnet.community.people.PersonCard;
import eu.vetnet.community.people.Profile;
import eu.vetnet.community.reference.CodeLists;
import eu.vetnet.community.reference.ReferenceData;
import eu.vetnet.community.storage.CommunityDatabase;
import eu.vetnet.community.storage.StoreUnavailableException;
import eu.vetnet.identity.Role;
import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.api.ApiException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import static eu.vetnet.community.web.Folding.fold;

/**
 * Organisation profiles (docs/community.md, "Organisations"), all in memory (read from Cassandra at start, each write
 * kept) like the people they hold. Edited by platform admins and the organisation's admins; the first profile of an
 * organisation may be written by one of its own people with a facilitator, policymaker or admin role, who becomes its
 * first admin.
 */
public final class Organisations {

    private static final Logger log = LoggerFactory.getLogger(Organisations.class);
    public static final int MAX_NAME = 200;
    public static final int MAX_PROFILE = 3_000;
    static final int LISTED_PEOPLE = 100;

    private final CommunityDatabase database;
    private final JsonMapper json;
    private final People people;
    private final ReferenceData reference;
    private final Clock clock;
    private final ConcurrentHashMap<String, Organisation> byId = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> loaded = new CompletableFuture<>();

    public Organisations(CommunityDatabase database, JsonMapper json, People people, ReferenceData reference, Clock clock) {
        this.database = database;
        this.json = json;
        this.people = people;
        this.reference = reference;
        this.clock = clock;
    }

    public void load() {
        database.whenReady().thenCompose(db -> db.session().executeAsync(db.get("selectAllOrganisations").bind())).thenAccept(rs -> {
            for (var row : rs.currentPage()) {
                Organisation o = json.readValue(row.getString("body"), Organisation.class);
                byId.put(o.id(), o);
            }
        }).whenComplete((v, err) -> {
            if (err != null) {
                log.error("organisations could not be read from Cassandra", err);
                loaded.completeExceptionally(err);
            } else {
                loaded.complete((long) byId.size());
            }
        });
    }

    public CompletableFuture<Long> whenLoaded() {
        return loaded;
    }

    public Optional<Organisation> find(String id) {
        if (!loaded.isDone()) {
            throw new StoreUnavailableException("organisations are being read from the store");
        }
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Organisations matching every filter given (words in name and profile; type; country; sector section). */
    public List<Organisation> search(String q, String type, String country, String sector) {
        String words = q == null ? "" : fold(q);
        return byId.values().stream()
                .filter(o -> words.isEmpty() || fold(o.name() + " " + o.profile()).contains(words))
                .filter(o -> type == null || type.isBlank() || type.equalsIgnoreCase(o.type()))
                .filter(o -> country == null || country.isBlank() || country.equalsIgnoreCase(o.country()))
                .filter(o -> sector == null || sector.isBlank() || o.sectors().stream().anyMatch(s -> s.startsWith(sector.strip().toUpperCase(Locale.ROOT))))
                .sorted(Comparator.comparing((Organisation o) -> fold(o.name())))
                .limit(Directory.MAX_LISTED).toList();
    }

    /** The organisation's profile with its listed people, as {@code user} may see it. */
    public OrganisationView view(Organisation o, VetnetUser user) {
        return view(o, user, people.directory().all().stream().filter(p -> o.id().equals(p.organisation())).toList());
    }

    /** Each found organisation with its people, the directory read once for all of them (not once per organisation). */
    public List<OrganisationView> views(List<Organisation> found, VetnetUser user) {
        java.util.Set<String> ids = new java.util.HashSet<>(found.stream().map(Organisation::id).toList());
        java.util.Map<String, List<Profile>> byOrganisation = people.directory().all().stream()
                .filter(p -> p.organisation() != null && ids.contains(p.organisation()))
                .collect(java.util.stream.Collectors.groupingBy(Profile::organisation));
        return found.stream().map(o -> view(o, user, byOrganisation.getOrDefault(o.id(), List.of()))).toList();
    }

    private OrganisationView view(Organisation o, VetnetUser user, List<Profile> theirs) {
        List<PersonCard> listed = theirs.stream().filter(p -> p.isListed() && p.shows("organisation"))
                .sorted(Comparator.comparing(Profile::displayName)).limit(LISTED_PEOPLE).map(PersonCard::of).toList();
        return OrganisationView.of(o, theirs.size(), listed, mayEdit(o, user));
    }

    /** The type of a person's organisation, where its profile says it (the directory's "organisation type" filter). */
    public Optional<String> typeOf(String organisationId) {
        return Optional.ofNullable(organisationId == null ? null : byId.get(organisationId)).map(Organisation::type);
    }

    public CompletionStage<Organisation> save(VetnetUser user, String id, OrganisationInput input) {
        Organisation current = find(id).orElse(null);
        if (current == null) {
            boolean oneOfTheirs = id.equals(user.organisation())
                    && (user.hasRole(Role.FACILITATOR) || user.hasRole(Role.POLICYMAKER) || user.hasRole(Role.ADMIN));
            if (!oneOfTheirs && !user.hasRole(Role.ADMIN)) {
                throw ApiException.forbidden("only " + id + "'s own facilitators, policymakers or admins, or a platform admin, write its first profile",
                        "ask one of them");
            }
        } else if (!mayEdit(current, user)) {
            throw ApiException.forbidden("only the admins of " + id + " edit its profile", "ask one of them, or a platform admin");
        }
        Organisation next = check(id, input, current == null ? List.of(user.id()) : current.admins(), current != null && current.demo());
        return write(next);
    }

    /** Writes a profile as it is (the demo data uses this too). */
    public CompletionStage<Organisation> write(Organisation o) {
        var db = database.now();
        return db.session().executeAsync(db.get("insertOrganisation").bind(o.id(), json.writeValueAsString(o), o.updatedAt())).thenApply(rs -> {
            byId.put(o.id(), o);
            return o;
        });
    }

    boolean mayEdit(Organisation o, VetnetUser user) {
        return user != null && (user.hasRole(Role.ADMIN) || o.admins().contains(user.id()));
    }

    Organisation check(String id, OrganisationInput in, List<String> admins, boolean demo) {
        if (!id.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            throw ApiException.badRequest("'" + id + "' is not an organisation's id", "the organisation group's name, lower case (craft-sme-association)");
        }
        if (in == null) {
            throw ApiException.badRequest("the body is missing", "send the profile as JSON (docs/community.md, \"Organisations\")");
        }
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw ApiException.badRequest("name has " + name.length() + " characters", "1 to " + MAX_NAME);
        }
        String type = in.type() == null ? null : in.type().strip().toUpperCase(Locale.ROOT);
        if (!reference.isOrganisationType(type)) {
            throw ApiException.badRequest("type '" + in.type() + "' is not an organisation type", "one of reference/organisation-types.json");
        }
        String country = in.country() == null || in.country().isBlank() ? null : in.country().strip().toUpperCase(Locale.ROOT);
        if (country != null && !reference.isCountry(country)) {
            throw ApiException.badRequest("country '" + in.country() + "' is not a country of the NUTS list", "a NUTS country code such as IT");
        }
        String region = in.region() == null || in.region().isBlank() ? null : in.region().strip().toUpperCase(Locale.ROOT);
        if (region != null && !reference.isRegionOf(region, country)) {
            throw ApiException.badRequest("region '" + in.region() + "' is not a NUTS region of " + country, "a region of that country, or none");
        }
        List<String> sectors = CodeLists.sectors(reference, "sectors", in.sectors());
        List<String> languages = CodeLists.languages(reference, "languages", in.languages());
        String profile = in.profile() == null ? "" : in.profile().strip();
        if (profile.length() > MAX_PROFILE) {
            throw ApiException.badRequest("profile has " + profile.length() + " characters", "at most " + MAX_PROFILE);
        }
        String website = in.website() == null || in.website().isBlank() ? null : in.website().strip();
        if (website != null) {
            URI uri;
            try {
                uri = URI.create(website);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("website '" + website + "' is not an address", "an http or https address");
            }
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null || website.length() > 500) {
                throw ApiException.badRequest("website '" + website + "' is not an http(s) address", "an http or https address");
            }
        }
        return new Organisation(id, name, type, country, region, sectors, languages, profile, website, admins, clock.instant(), demo);
    }
}
