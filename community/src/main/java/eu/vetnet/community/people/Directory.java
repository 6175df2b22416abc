package eu.vetnet.community.people;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import static eu.vetnet.community.web.Folding.fold;

/**
 * Every profile in memory, read from Cassandra at start and kept with each write: the directory and peer counselling
 * read it without a query. Ten thousand members are a few megabytes; a filter over all of them is a millisecond.
 */
public final class Directory {

    /** The most people one directory answer lists. */
    public static final int MAX_LISTED = 200;

    private final ConcurrentHashMap<String, Profile> profiles = new ConcurrentHashMap<>();
    /** Ids by username, lower case (mentions name people by username). */
    private final ConcurrentHashMap<String, String> byUsername = new ConcurrentHashMap<>();

    public void put(Profile p) {
        profiles.put(p.id(), p);
        if (p.username() != null) {
            byUsername.put(p.username().toLowerCase(Locale.ROOT), p.id());
        }
    }

    /** Forgets a person (their account is deleted). */
    public void remove(String id) {
        Profile gone = profiles.remove(id);
        if (gone != null && gone.username() != null) {
            byUsername.remove(gone.username().toLowerCase(Locale.ROOT), id);
        }
    }

    /** The profile of the person with this username (any case), if VET-NET knows them. */
    public Optional<Profile> byUsername(String username) {
        String id = username == null ? null : byUsername.get(username.toLowerCase(Locale.ROOT));
        return id == null ? Optional.empty() : get(id);
    }

    public Optional<Profile> get(String id) {
        return Optional.ofNullable(profiles.get(id));
    }

    public Collection<Profile> all() {
        return profiles.values();
    }

    public int size() {
        return profiles.size();
    }

    /** What the directory answers: listed people matching every given filter, on what they show. */
    public record Filter(String text, String sector, String country, String expertise, String language, String organisationType) {
    }

    /** @param typeOf the type of an organisation (by id), where its profile says it */
    public List<Profile> search(Filter f, int limit, java.util.function.Function<String, Optional<String>> typeOf) {
        Predicate<Profile> match = Profile::isListed;
        if (notBlank(f.organisationType())) {
            String t = f.organisationType().strip().toUpperCase(Locale.ROOT);
            match = match.and(p -> p.shows("organisation") && typeOf.apply(p.organisation()).map(t::equals).orElse(false));
        }
        if (notBlank(f.text())) {
            String words = fold(f.text());
            match = match.and(p -> fold(String.join(" ", p.displayName(), p.shows("headline") ? p.headline() : "",
                    p.shows("organisation") && p.organisation() != null ? p.organisation() : "",
                    p.shows("expertise") ? String.join(" ", p.expertise()) : "")).contains(words));
        }
        if (notBlank(f.sector())) {
            String s = f.sector().strip().toUpperCase(Locale.ROOT);
            match = match.and(p -> p.shows("sectors") && p.sectors().stream().anyMatch(x -> x.equals(s) || x.startsWith(s)));
        }
        if (notBlank(f.country())) {
            String c = f.country().strip().toUpperCase(Locale.ROOT);
            match = match.and(p -> p.shows("place") && c.equals(p.country()));
        }
        if (notBlank(f.expertise())) {
            String e = fold(f.expertise());
            match = match.and(p -> p.shows("expertise") && p.expertise().stream().anyMatch(x -> fold(x).contains(e)));
        }
        if (notBlank(f.language())) {
            String l = f.language().strip().toLowerCase(Locale.ROOT);
            match = match.and(p -> p.shows("languages") && p.languages().contains(l));
        }
        return profiles.values().stream().filter(match)
                .sorted(Comparator.comparing((Profile p) -> fold(p.displayName())).thenComparing(Profile::id))
                .limit(limit).toList();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
