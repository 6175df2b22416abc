package eu.vetnet.community.notifications;

import eu.vetnet.community.communities.Communities;
import eu.vetnet.community.discussions.ThreadSummary;
import eu.vetnet.community.people.People;
import eu.vetnet.community.people.Profile;
import eu.vetnet.community.storage.CommunityDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The digest (docs/community.md, "Notifications"): once per {@code vetnet.community.digest.every} (a day), each person
 * who wants it and whose address is known gets one e-mail with what is new since the last: their notifications and
 * the discussions started in their communities. Nothing new, no e-mail. Each digest is claimed in Cassandra with a
 * lightweight transaction before it is sent, so two community servers never send the same one.
 */
public final class DigestMailer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DigestMailer.class);
    static final int MAX_ITEMS = 50;

    private final Notifications notifications;
    private final People people;
    private final Communities communities;
    private final CommunityDatabase database;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String publicUrl;
    private final Duration every;
    private final Clock clock;
    private final Map<String, Instant> sentUntil = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "community-digest");
        t.setDaemon(true);
        return t;
    });

    public DigestMailer(Notifications notifications, People people, Communities communities, CommunityDatabase database,
            ObjectProvider<JavaMailSender> mail, String from, String publicUrl, Duration every, Clock clock) {
        this.notifications = notifications;
        this.people = people;
        this.communities = communities;
        this.database = database;
        this.mail = mail;
        this.from = from;
        this.publicUrl = publicUrl;
        this.every = every;
        this.clock = clock;
    }

    /** Looks every minute (or every {@code every}, if shorter) for digests that are due. */
    public void start() {
        long check = Math.max(1_000, Math.min(every.toMillis(), 60_000));
        timer.scheduleWithFixedDelay(this::sendDue, check, check, TimeUnit.MILLISECONDS);
    }

    void sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || !people.whenLoaded().isDone()) {
            return;
        }
        for (Profile p : people.directory().all()) {
            if (p.email() == null || p.email().isBlank() || !p.wantsDigest()) {
                continue;
            }
            try {
                sendIfDue(sender, p);
            } catch (RuntimeException e) {
                log.warn("the digest of {} could not be sent: {}", p.id(), e.toString());
            }
        }
    }

    private void sendIfDue(JavaMailSender sender, Profile p) throws RuntimeException {
        var db = database.now();
        Instant now = clock.instant();
        Instant last = sentUntil.computeIfAbsent(p.id(), id -> {
            var row = db.session().execute(db.get("selectDigest").bind(id)).one();
            if (row != null) {
                return row.getInstant("sent_until");
            }
            // The first time: what happened in the last period (a new member's first notifications included).
            db.session().execute(db.get("claimFirstDigest").bind(id, now.minus(every)));
            return db.session().execute(db.get("selectDigest").bind(id)).one().getInstant("sent_until");
        });
        if (Duration.between(last, now).compareTo(every) < 0) {
            return;
        }
        // The period is (last, now]: what is written while this digest is read belongs to the next one. (Read without
        // an upper bound, a notification written just after `now` went out in this digest and again in the next.)
        List<String> lines = new ArrayList<>();
        for (Notification n : notifications.between(p.id(), last, now, MAX_ITEMS).toCompletableFuture().join()) {
            lines.add("- " + n.text() + "\n  " + publicUrl + n.link());
        }
        for (var entry : communities.rolesOf(p.id()).toCompletableFuture().join().entrySet()) {
            communities.all().stream().filter(c -> c.id().equals(entry.getKey())).findFirst().ifPresent(c -> {
                for (ThreadSummary t : communities.threadsBetween(c, last, now)) {
                    if (!t.author().id().equals(p.id()) && !t.hidden()) {
                        lines.add("- New discussion in " + c.name() + ": " + t.title() + "\n  " + publicUrl + "/communities/" + c.slug() + "/threads/" + t.id());
                    }
                }
            });
        }
        if (lines.isEmpty()) {
            return;
        }
        // Claim the period first: another server that got here too sends nothing.
        boolean claimed = db.session().execute(db.get("claimDigest").bind(now, p.id(), last)).wasApplied();
        sentUntil.remove(p.id());
        if (!claimed) {
            return;
        }
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(p.email());
        m.setSubject("VET-NET digest: " + lines.size() + " new for you");
        m.setText("Hello " + p.displayName() + ",\n\nwhat is new for you in VET-NET since " + last + " (UTC):\n\n" + String.join("\n", lines)
                + "\n\nYou get this digest because it is on in your profile (" + publicUrl + "/profile); turn it off there.\n");
        try {
            sender.send(m);
            log.info("digest of {} item(s) sent to {}", lines.size(), p.id());
        } catch (MailException e) {
            log.warn("the digest of {} could not be sent: {}", p.id(), e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
