package eu.vetnet.learning.credentials;

import eu.vetnet.learning.programmes.Programme;
import eu.vetnet.learning.programmes.ProgrammeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credential a learner receives, as JSON: a W3C Verifiable Credential (Data Model 2.0) that is also an Open Badge
 * 3.0 {@code OpenBadgeCredential}, with the European Learning Model's parts where Open Badges has a place for them:
 * the learning outcomes and the EQF level as alignments, the credits as {@code creditsAvailable} and
 * {@code creditsEarned} (docs/learning.md, "Credentials").
 */
public final class CredentialDocument {

    public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    static final String EQF_URI = "http://data.europa.eu/snb/eqf/";
    static final String ECVET_SOURCE = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32009H0708(02)";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CredentialDocument() {
    }

    /** What the credential is for: one module, or the whole programme when {@code module} is null. */
    public record Achievement(Programme programme, ProgrammeModule module, String grade) {

        String name() {
            return module == null ? programme.title() : module.title() + " (" + programme.title() + ")";
        }

        double ects() {
            return module == null ? programme.ectsCredits() : module.ectsCredits();
        }

        double ecvet() {
            return module == null ? programme.ecvetPoints() : module.ecvetPoints();
        }

        List<ProgrammeModule> modules() {
            return module == null ? programme.modules() : List.of(module);
        }
    }

    public static Map<String, Object> of(String credentialId, Issuer issuer, Learner learner, Achievement a, Status status, String publicUrl,
            Instant now) {
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        vc.put("id", "urn:uuid:" + credentialId);
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("issuer", Map.of("id", issuer.id(), "type", List.of("Profile"), "name", issuer.name()));
        vc.put("validFrom", now.truncatedTo(ChronoUnit.SECONDS).toString());
        vc.put("name", a.name());
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        subject.put("identifier", learner.identifiers());
        subject.put("achievement", achievement(a, publicUrl));
        subject.put("creditsEarned", a.ects());
        if (a.grade() != null && !a.grade().isBlank()) {
            subject.put("narrative", "Grade: " + a.grade());
        }
        vc.put("credentialSubject", subject);
        vc.put("credentialStatus", Map.of("id", status.listUrl() + "#" + status.index(), "type", "BitstringStatusListEntry",
                "statusPurpose", "revocation", "statusListIndex", Integer.toString(status.index()), "statusListCredential", status.listUrl()));
        return vc;
    }

    private static Map<String, Object> achievement(Achievement a, String publicUrl) {
        String id = publicUrl + "/learning/programmes/" + a.programme().id() + (a.module() == null ? "" : "#" + a.module().id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("type", List.of("Achievement"));
        out.put("achievementType", a.module() == null ? "Certificate" : "Course");
        out.put("name", a.name());
        out.put("description", a.module() == null ? a.programme().summary() : a.module().description());
        List<String> methods = a.modules().stream().flatMap(m -> m.assessment().stream()).distinct().toList();
        out.put("criteria", Map.of("narrative", "The learning outcomes below, assessed by "
                + (methods.isEmpty() ? "the facilitators" : String.join("; ", methods)) + "."));
        out.put("creditsAvailable", a.ects());
        List<Map<String, Object>> alignment = new ArrayList<>();
        a.modules().stream().mapToInt(ProgrammeModule::eqfLevel).max().ifPresent(level -> alignment.add(align("ext:EQFLevel",
                "EQF level " + level, EQF_URI + level, "European Qualifications Framework", null)));
        alignment.add(align("ext:ECVETPoints", a.ecvet() + " ECVET points", ECVET_SOURCE, "ECVET", null));
        for (ProgrammeModule m : a.modules()) {
            outcomes(alignment, id, m, "knowledge", m.outcomes().knowledge());
            outcomes(alignment, id, m, "skills", m.outcomes().skills());
            outcomes(alignment, id, m, "responsibility and autonomy", m.outcomes().responsibilityAndAutonomy());
        }
        out.put("alignment", alignment);
        return out;
    }

    private static void outcomes(List<Map<String, Object>> alignment, String achievementId, ProgrammeModule m, String descriptor, List<String> items) {
        for (int i = 0; i < items.size(); i++) {
            alignment.add(align("ceasn:Competency", items.get(i), achievementId.replaceAll("#.*$", "") + "#" + m.id() + "-"
                    + descriptor.charAt(0) + (i + 1), "EQF descriptor: " + descriptor, descriptor));
        }
    }

    private static Map<String, Object> align(String type, String name, String url, String framework, String description) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", List.of("Alignment"));
        out.put("targetType", type);
        out.put("targetName", name);
        out.put("targetUrl", url);
        out.put("targetFramework", framework);
        if (description != null) {
            out.put("targetDescription", description);
        }
        return out;
    }

    public record Issuer(String id, String name) {
    }

    public record Status(String listUrl, int index) {
    }

    /**
     * The learner as the credential names them: their name in clear, and their VET-NET id only as a salted SHA-256
     * hash (the Open Badges identity object), which they can prove and no reader can reverse.
     */
    public record Learner(String id, String name) {

        List<Map<String, Object>> identifiers() {
            byte[] salt = new byte[12];
            RANDOM.nextBytes(salt);
            String saltHex = HexFormat.of().formatHex(salt);
            return List.of(
                    Map.of("type", "IdentityObject", "identityType", "name", "hashed", false, "identityHash", name),
                    Map.of("type", "IdentityObject", "identityType", "identifier", "hashed", true, "salt", saltHex,
                            "identityHash", "sha256$" + sha256(id + saltHex)));
        }

        private static String sha256(String text) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
