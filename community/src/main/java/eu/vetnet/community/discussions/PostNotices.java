package eu.vetnet.community.discussions;

import eu.vetnet.community.communities.Communities;
import eu.vetnet.community.notifications.Notification;
import eu.vetnet.community.notifications.Notifications;
import eu.vetnet.community.people.People;
import eu.vetnet.community.people.Profile;
import eu.vetnet.community.storage.CassandraDiscussions;
import eu.vetnet.community.storage.StoreUnavailableException;
import eu.vetnet.identity.VetnetUser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who hears of a post (docs/community.md, "Discussions"): the people it mentions who belong to the community
 * ({@code MENTION}), and, for a reply, everyone who follows the discussion ({@code REPLY}). Each person once (a
 * follower who is mentioned hears of the mention), never the writer.
 */
final class PostNotices {

    private static final Logger log = LoggerFactory.getLogger(PostNotices.class);

    /** Followers told of one reply at most. */
    static final int FOLLOWERS_TOLD = 1_000;

    private final CassandraDiscussions store;
    private final Communities communities;
    private final People people;
    private final Notifications notifications;

    PostNotices(CassandraDiscussions store, Communities communities, People people, Notifications notifications) {
        this.store = store;
        this.communities = communities;
        this.people = people;
        this.notifications = notifications;
    }

    /** A new discussion: those mentioned in its title or text. */
    CompletionStage<Void> opened(DiscussionThread t, VetnetUser writer) {
        return mentioned(t, writer, t.title() + "\n" + t.body()).thenAccept(told -> { });
    }

    /** A reply: those mentioned in it, then the followers not told yet. */
    CompletionStage<Void> replied(DiscussionThread t, Reply r, VetnetUser writer) {
        return mentioned(t, writer, r.body()).thenCompose(told -> store.followers(t.id(), FOLLOWERS_TOLD).thenAccept(followers -> {
            for (String follower : followers) {
                if (follower.equals(writer.id()) || told.contains(follower)) {
                    continue;
                }
                boolean yours = follower.equals(t.author().id());
                String what = yours ? " replied to your discussion: " : " replied to a discussion you follow: ";
                notifications.notify(follower, Notification.Kind.REPLY, writer.displayName() + what + t.title(), link(t),
                        Map.of("who", writer.displayName(), "title", t.title(), "discussion", yours ? "yours" : "followed"));
            }
        }));
    }

    /** Tells the mentioned members; answers whom it told. */
    private CompletionStage<Set<String>> mentioned(DiscussionThread t, VetnetUser writer, String text) {
        List<Profile> mentioned = new ArrayList<>();
        try {
            for (String username : Mentions.in(text)) {
                people.directory().byUsername(username).filter(p -> !p.id().equals(writer.id())).ifPresent(mentioned::add);
            }
        } catch (StoreUnavailableException e) {
            // The directory is still being read at start: nobody is told of this post's mentions (the post stands).
            log.warn("mentions in a post of discussion {} not told: {}", t.id(), e.getMessage());
        }
        Set<String> told = new LinkedHashSet<>();
        List<CompletableFuture<Void>> checks = mentioned.stream().map(p -> communities.rolesOf(p.id()).thenAccept(roles -> {
            if (roles.containsKey(t.communityId())) {
                synchronized (told) {
                    told.add(p.id());
                }
                notifications.notify(p.id(), Notification.Kind.MENTION,
                        writer.displayName() + " mentioned you in the discussion: " + t.title(), link(t),
                        Map.of("who", writer.displayName(), "title", t.title()));
            }
        }).toCompletableFuture()).toList();
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).thenApply(v -> told);
    }

    private static String link(DiscussionThread t) {
        return "/communities/" + t.communitySlug() + "/threads/" + t.id();
    }
}
