package eu.vetnet.community.communities;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A thematic network of the Community of VET's Practices (docs/community.md, "Communities"), as stored (JSON): what it
 * is about, how people join, its moderators and member count, and the sessions (rooms) and practices linked to it.
 * Members themselves are rows of their own ({@code community_members}): a community may have thousands.
 */
public record Community(String id, String slug, String name, String description, List<String> languages, List<String> sectors,
        Joining joining, List<Person> moderators, int memberCount, List<Session> sessions, List<LinkedPractice> practices,
        Instant createdAt, Instant updatedAt, Boolean demo) {

    /** OPEN: members join at once; REQUEST: a moderator answers each request. */
    public enum Joining { OPEN, REQUEST }

    public enum Role { MEMBER, MODERATOR }

    public record Person(String id, String name) {
    }

    /** A room of the community's, at a time: its members meet there. */
    public record Session(String roomId, String title, Instant start) {
    }

    /** A published practice linked to the community, as it was when linked. */
    public record LinkedPractice(String id, String slug, String title, String summary, String licence) {
    }

    /** The most sessions and practices a community keeps linked (older ones drop out of the home page). */
    public static final int MAX_LINKED = 200;

    public Community {
        languages = languages == null ? List.of() : List.copyOf(languages);
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        moderators = moderators == null ? List.of() : List.copyOf(moderators);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        practices = practices == null ? List.of() : List.copyOf(practices);
        demo = Boolean.TRUE.equals(demo);
    }

    public boolean moderatedBy(String userId) {
        return moderators.stream().anyMatch(m -> m.id().equals(userId));
    }

    /** Without {@code personId} among its moderators (an account deleted). */
    public Community withoutModerator(String personId, Instant at) {
        return new Community(id, slug, name, description, languages, sectors, joining,
                moderators.stream().filter(m -> !m.id().equals(personId)).toList(), memberCount, sessions, practices, createdAt, at, demo);
    }

    public Community withMembers(int count, Instant at) {
        return new Community(id, slug, name, description, languages, sectors, joining, moderators, Math.max(0, count), sessions,
                practices, createdAt, at, demo);
    }

    public Community withSession(Session s, Instant at) {
        List<Session> all = new ArrayList<>(sessions);
        all.removeIf(x -> x.roomId().equals(s.roomId()));
        all.add(s);
        all.sort(Comparator.comparing(Session::start).reversed());
        return new Community(id, slug, name, description, languages, sectors, joining, moderators, memberCount,
                all.size() > MAX_LINKED ? all.subList(0, MAX_LINKED) : all, practices, createdAt, at, demo);
    }

    public Community withPractice(LinkedPractice p, Instant at) {
        List<LinkedPractice> all = new ArrayList<>();
        all.add(p);
        practices.stream().filter(x -> !x.id().equals(p.id())).forEach(all::add);
        return new Community(id, slug, name, description, languages, sectors, joining, moderators, memberCount, sessions,
                all.size() > MAX_LINKED ? all.subList(0, MAX_LINKED) : all, createdAt, at, demo);
    }
}
