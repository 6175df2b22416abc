package eu.vetnet.rooms.followup;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Tells people what happened to a proposal (docs/dialogue.md, "Follow-up"): a notification in the app for each of
 * them, and an e-mail to those whose address is known when a mail server is configured ({@code spring.mail.host}).
 * Mail goes out on the bounded elastic scheduler (Jakarta Mail blocks); a failed delivery is logged, it never undoes
 * the answer it reports.
 */
@Component
public class FollowUpNotifier {

    private static final Logger log = LoggerFactory.getLogger(FollowUpNotifier.class);

    private final Inbox inbox;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String appUrl;

    public FollowUpNotifier(Inbox inbox, ObjectProvider<JavaMailSender> mail,
            @Value("${vetnet.followup.mail-from:VET-NET <no-reply@vetnet.localhost>}") String from,
            @Value("${vetnet.followup.app-url:http://localhost:8080}") String appUrl) {
        this.inbox = inbox;
        this.mail = mail;
        this.from = from;
        this.appUrl = appUrl.endsWith("/") ? appUrl.substring(0, appUrl.length() - 1) : appUrl;
    }

    /** Notifies {@code userIds} in the app, then by e-mail; completes when the notifications are stored. */
    public Mono<Void> tell(Collection<String> userIds, String subject, String text, String link) {
        var everyone = new LinkedHashSet<>(userIds);
        Instant now = Instant.now();
        Mono<Void> stored = Mono.when(everyone.stream()
                .map(id -> Mono.fromCompletionStage(() -> inbox.notify(id, new Inbox.Notification(UUID.randomUUID().toString(), now, text, link))))
                .toList());
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return stored;
        }
        return stored.then(Mono.fromCompletionStage(() -> inbox.emails(everyone))).doOnNext(addresses ->
                Mono.fromRunnable(() -> send(sender, addresses, subject, text, link)).subscribeOn(Schedulers.boundedElastic()).subscribe())
                .then();
    }

    private void send(JavaMailSender sender, Map<String, String> addresses, String subject, String text, String link) {
        for (String to : addresses.values()) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to);
            message.setSubject(subject);
            message.setText(text + "\n\n" + appUrl + link + "\n\n-- \nVET-NET: you receive this because you took part in the session.");
            try {
                sender.send(message);
            } catch (MailException e) {
                log.warn("follow-up mail to {} not sent: {}", to, e.getMessage());
            }
        }
    }
}
