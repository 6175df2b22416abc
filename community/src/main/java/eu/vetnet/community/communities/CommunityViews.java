package eu.vetnet.community.communities;

import eu.vetnet.community.discussions.ThreadSummary;
import eu.vetnet.community.web.Markdown;
import java.time.Instant;
import java.util.List;

/** How the API answers communities: a card in a list, and a home page. */
public final class CommunityViews {

    private CommunityViews() {
    }

    /** A person's place in a community: MODERATOR, MEMBER, REQUESTED (waiting for a moderator), or null. */
    public enum MyRole { MODERATOR, MEMBER, REQUESTED }

    public record Card(String id, String slug, String name, String summary, List<String> languages, List<String> sectors,
            Community.Joining joining, int memberCount, MyRole myRole, boolean demo) {

        public static Card of(Community c, MyRole role) {
            return new Card(c.id(), c.slug(), c.name(), Markdown.toText(c.description(), 300), c.languages(), c.sectors(), c.joining(),
                    c.memberCount(), role, c.demo());
        }
    }

    public record About(String id, String slug, String name, String descriptionHtml, List<String> languages, List<String> sectors,
            Community.Joining joining, int memberCount, List<Community.Person> moderators, boolean demo) {

        public static About of(Community c) {
            return new About(c.id(), c.slug(), c.name(), Markdown.toHtml(c.description()), c.languages(), c.sectors(), c.joining(),
                    c.memberCount(), c.moderators(), c.demo());
        }
    }

    /** The home page: what is alive in the community. Threads and requests only for those who may see them. */
    public record Home(About community, MyRole myRole, List<Community.Session> upcomingSessions, List<Community.Session> pastSessions,
            List<Community.LinkedPractice> practices, List<ThreadSummary> threads, int pendingRequests) {

        static final int SHOWN = 10;

        public static Home of(Community c, MyRole role, List<ThreadSummary> threads, int pendingRequests, Instant now, boolean signedIn) {
            List<Community.Session> upcoming = c.sessions().stream().filter(s -> !s.start().isBefore(now))
                    .sorted((a, b) -> a.start().compareTo(b.start())).limit(SHOWN).toList();
            List<Community.Session> past = c.sessions().stream().filter(s -> s.start().isBefore(now)).limit(SHOWN).toList();
            if (!signedIn) {
                // The public face names sessions and their times, never the rooms.
                upcoming = upcoming.stream().map(s -> new Community.Session(null, s.title(), s.start())).toList();
                past = past.stream().map(s -> new Community.Session(null, s.title(), s.start())).toList();
            }
            return new Home(About.of(c), role, upcoming, past, c.practices().stream().limit(SHOWN).toList(), threads, pendingRequests);
        }
    }
}
