package eu.vetnet.community.counselling;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The invitation e-mail of a case (docs/community.md, "Peer counselling"): sent at once to each newly invited peer
 * whose address the community knows (from their sign-in), with the meeting as an iCalendar attachment. Spring's
 * mail support, off unless {@code spring.mail.host} is set; sending runs off the event loop and a failure is logged,
 * it never undoes the invitation (the case page shows it either way).
 */
public final class CounsellingMail {

    private static final Logger log = LoggerFactory.getLogger(CounsellingMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String publicUrl;
    private final Clock clock;

    public CounsellingMail(ObjectProvider<JavaMailSender> mail, String from, String publicUrl, Clock clock) {
        this.mail = mail;
        this.from = from;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** @param addresses the invited peers' e-mail addresses, by user id (those the community knows) */
    public void invite(CounsellingCase c, String organizerEmail, Map<String, String> addresses) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || addresses.isEmpty()) {
            log.info("case {}: {} invitation(s) not e-mailed ({})", c.id(), addresses.size(), sender == null ? "no spring.mail.host" : "no address known");
            return;
        }
        String url = publicUrl + "/counselling/" + c.id();
        String ics = MeetingInvitation.of(c, url, organizerEmail, List.copyOf(addresses.values()), clock.instant());
        Mono.fromRunnable(() -> addresses.forEach((id, to) -> send(sender, c, to, url, ics))).subscribeOn(Schedulers.boundedElastic()).subscribe();
    }

    private void send(JavaMailSender sender, CounsellingCase c, String to, String url, String ics) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper m = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            m.setFrom(from);
            m.setTo(to);
            m.setSubject("Peer counselling invitation: " + c.title());
            m.setText(c.author().name() + " asks you to counsel on a case: " + c.title() + "\n\n"
                    + "When: " + c.meeting().start() + " (UTC), " + c.meeting().minutes() + " minutes\n"
                    + (c.meeting().message().isEmpty() ? "" : "\n" + c.meeting().message() + "\n")
                    + "\nRead the case and accept or decline: " + url + "\n"
                    + "The attached invitation adds the meeting to your calendar.\n");
            m.addAttachment("invitation.ics", new ByteArrayResource(ics.getBytes(StandardCharsets.UTF_8)), "text/calendar; method=REQUEST; charset=UTF-8");
            sender.send(message);
            log.info("case {}: invitation e-mailed", c.id());
        } catch (MessagingException | MailException e) {
            log.warn("case {}: the invitation to one peer could not be e-mailed: {}", c.id(), e.toString());
        }
    }
}
