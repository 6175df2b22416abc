package eu.vetnet.community.counselling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingInvitationTests {

    private static CounsellingCase withMeeting(String title, String message) {
        CounsellingCase c = PeerMatchingTests.caseOf("C16", "IT", null, List.of(), "it");
        c = new CounsellingCase(c.id(), title, c.challenge(), c.sector(), c.country(), c.region(), c.topics(), c.language(), null,
                new CounsellingCase.Person("a", "Alice \"Al\" Rossi", "alice"), null, c.status(), null, List.of(), null, null, null,
                c.createdAt(), c.updatedAt());
        return c.invited(List.of(), new CounsellingCase.Meeting(Instant.parse("2027-01-15T14:00:00Z"), 90, message), c.createdAt());
    }

    @Test
    void anEventInUtcWithItsEnd() {
        String ics = MeetingInvitation.of(withMeeting("Mentors", ""), "https://vetnet.example/counselling/c1", "alice@vetnet.test",
                List.of("fabio@vetnet.test"), Instant.parse("2026-12-06T10:00:00Z"));
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), unfolded);
        assertTrue(unfolded.contains("\r\nMETHOD:REQUEST\r\n"));
        assertTrue(unfolded.contains("\r\nDTSTART:20270115T140000Z\r\nDTEND:20270115T153000Z\r\n"), unfolded);
        assertTrue(unfolded.contains("\r\nORGANIZER;CN=\"Alice 'Al' Rossi\":mailto:alice@vetnet.test\r\n"), unfolded);
        assertTrue(unfolded.contains("ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:fabio@vetnet.test"));
        assertTrue(unfolded.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assertEquals(0, ics.replace("\r\n", "").indexOf('\n') + 1, "every line ends with CRLF");
    }

    @Test
    void textIsEscapedAndLongLinesFoldedWithoutSplittingACharacter() {
        String title = "Qualità, sicurezza; e \\ più: " + "àèìòù€".repeat(30);
        String ics = MeetingInvitation.of(withMeeting(title, "Line one\nLine two"), "https://vetnet.example/counselling/c1", null,
                List.of(), Instant.parse("2026-12-06T10:00:00Z"));
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "at most 75 octets: " + line);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("SUMMARY:Peer counselling: Qualità\\, sicurezza\\; e \\\\ più: àèìòù€"), unfolded);
        assertTrue(unfolded.contains("DESCRIPTION:Line one\\nLine two\\n\\nThe case: https://vetnet.example/counselling/c1"), unfolded);
        assertTrue(unfolded.contains("àèìòù€".repeat(30)), "folding kept every character whole");
    }
}
