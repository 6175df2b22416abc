package eu.vetnet.learning.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import eu.vetnet.learning.credentials.StatusList;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Results, transcripts and credentials against the real server and Cassandra: issue, verify, tamper, revoke, rotate.
 * Each test has its own issuing organisation, so that key rotation in one does not touch the others.
 */
class CredentialsIntegrationTests extends LearningIntegrationTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Setup(Fixtures f, String programme, String edition, String slug) {
    }

    Setup setup(String name) {
        String organisation = name + " " + RUN;
        var f = new Fixtures(http, bearer("fabio", organisation, "facilitator"));
        String programme = f.publishedProgramme("Facilitation of co-design");
        String edition = f.edition(programme, "OPEN", 5);
        f.enrol(learner("alice"), edition);
        f.enrol(learner("bob"), edition);
        return new Setup(f, programme, edition, organisation.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
    }

    JsonNode issue(Setup s, String learnerId, String achievement) {
        return http.post().uri("/api/learning/editions/" + s.edition() + "/credentials/" + learnerId).header(HttpHeaders.AUTHORIZATION, s.f().facilitator())
                .bodyValue(Map.of("achievement", achievement)).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode verify(String credential) {
        return http.post().uri("/api/public/learning/verify").bodyValue(Map.of("credential", credential)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static Map<String, Boolean> checks(JsonNode verification) {
        Map<String, Boolean> out = new java.util.LinkedHashMap<>();
        verification.get("checks").forEach(c -> out.put(c.get("name").asText(), c.get("passed").asBoolean()));
        return out;
    }

    @Test
    void aLearnerWhoPassedEveryModuleHasATranscriptAndAProgrammeCredentialAnyoneCanVerify() throws Exception {
        Setup s = setup("Credential College One");
        s.f().pass(s.edition(), "alice-id", "m1", "28/30");
        s.f().pass(s.edition(), "alice-id", "m2", "30/30");

        JsonNode transcript = http.get().uri("/api/learning/me/transcript").header(HttpHeaders.AUTHORIZATION, learner("alice")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode record = find(transcript.get("programmes"), "programmeId", s.programme());
        assertThat(record.get("complete").asBoolean()).isTrue();
        // 50 h and 100 h at 25 h per credit.
        assertThat(record.get("ectsEarned").asDouble()).isEqualTo(6.0);
        assertThat(record.get("modules").findValuesAsString("grade")).containsExactly("28/30", "30/30");

        // Bob passed nothing: no credential for him, for a module or the programme.
        http.post().uri("/api/learning/editions/" + s.edition() + "/credentials/bob-id").header(HttpHeaders.AUTHORIZATION, s.f().facilitator())
                .bodyValue(Map.of("achievement", "programme")).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        // Alice cannot issue her own.
        http.post().uri("/api/learning/editions/" + s.edition() + "/credentials/alice-id").header(HttpHeaders.AUTHORIZATION, learner("alice"))
                .bodyValue(Map.of("achievement", "programme")).exchange().expectStatus().isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode issued = issue(s, "alice-id", "programme");
        String jws = issued.get("jws").asText();
        JsonNode vc = JSON.readTree(JWSObject.parse(jws).getPayload().toString());
        assertThat(vc.get("type").toString()).contains("VerifiableCredential", "OpenBadgeCredential");
        assertThat(vc.get("issuer").get("id").asText()).isEqualTo("https://vetnet.example/api/public/learning/issuers/" + s.slug());
        assertThat(vc.get("credentialSubject").get("creditsEarned").asDouble()).isEqualTo(6.0);
        assertThat(vc.get("credentialSubject").get("achievement").get("alignment").toString())
                .contains("http://data.europa.eu/snb/eqf/4", "Knows the Co-design basics basics");
        // The learner's id is in the credential only hashed.
        assertThat(vc.toString()).doesNotContain("alice-id");

        JsonNode verified = verify(jws);
        assertThat(checks(verified)).containsExactly(Map.entry("format", true), Map.entry("issuer", true), Map.entry("signature", true),
                Map.entry("validity", true), Map.entry("status", true));
        assertThat(verified.get("verified").asBoolean()).isTrue();
        assertThat(verified.get("issuerName").asText()).isEqualTo("Credential College One " + RUN);

        List<String> held = http.get().uri("/api/learning/me/credentials").header(HttpHeaders.AUTHORIZATION, learner("alice")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().findValuesAsString("id");
        assertThat(held).contains(issued.get("id").asText());
    }

    @Test
    void aCredentialChangedByOneByteOrSignedByAnotherKeyFailsItsSignature() throws Exception {
        Setup s = setup("Credential College Two");
        s.f().pass(s.edition(), "alice-id", "m1", "pass");
        String jws = issue(s, "alice-id", "m1").get("jws").asText();
        String[] parts = jws.split("\\.");

        // One byte of the content changed: 2 credits earned become 9.
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"creditsEarned\":2.0");
        String changed = payload.replace("\"creditsEarned\":2.0", "\"creditsEarned\":9.0");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        JsonNode refused = verify(tampered);
        assertThat(refused.get("verified").asBoolean()).isFalse();
        assertThat(checks(refused)).containsEntry("signature", false);

        // One byte of the signature changed.
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 0x01;
        assertThat(checks(verify(parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature))))
                .containsEntry("signature", false);

        // A forgery: the same header (the issuer's key id), the changed content, signed with a key of the forger's.
        var forgerKey = new ECKeyGenerator(Curve.P_256).generate();
        JWSObject forged = new JWSObject(JWSHeader.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)),
                new Payload(changed));
        forged.sign(new ECDSASigner(forgerKey));
        assertThat(checks(verify(forged.serialize()))).containsEntry("signature", false);

        // Not a credential at all, and nothing.
        assertThat(checks(verify("not.a.credential"))).containsEntry("format", false);
        http.post().uri("/api/public/learning/verify").bodyValue(Map.of()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.verified").isEqualTo(false);
    }

    @Test
    void aRevokedCredentialFailsItsStatusAndThePublishedStatusListSaysSo() throws Exception {
        Setup s = setup("Credential College Three");
        s.f().pass(s.edition(), "alice-id", "m1", "pass");
        JsonNode issued = issue(s, "alice-id", "m1");
        int index = issued.get("statusIndex").asInt();
        assertThat(encodedListBit(s.slug(), index)).isFalse();

        http.post().uri("/api/learning/credentials/" + issued.get("id").asText() + "/revocation").header(HttpHeaders.AUTHORIZATION, learner("alice"))
                .bodyValue(Map.of("reason", "mine")).exchange().expectStatus().isNotFound();
        http.post().uri("/api/learning/credentials/" + issued.get("id").asText() + "/revocation").header(HttpHeaders.AUTHORIZATION, s.f().facilitator())
                .bodyValue(Map.of("reason", "")).exchange().expectStatus().isBadRequest();
        http.post().uri("/api/learning/credentials/" + issued.get("id").asText() + "/revocation").header(HttpHeaders.AUTHORIZATION, s.f().facilitator())
                .bodyValue(Map.of("reason", "issued to the wrong learner")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.revokedReason").isEqualTo("issued to the wrong learner");

        JsonNode after = verify(issued.get("jws").asText());
        assertThat(after.get("verified").asBoolean()).isFalse();
        assertThat(checks(after)).containsEntry("signature", true).containsEntry("status", false);
        assertThat(encodedListBit(s.slug(), index)).isTrue();
    }

    @Test
    void afterAKeyRotationNewCredentialsUseTheNewKeyAndOldOnesStillVerify() throws Exception {
        Setup s = setup("Credential College Four");
        s.f().pass(s.edition(), "alice-id", "m1", "pass");
        s.f().pass(s.edition(), "bob-id", "m1", "pass");
        String before = issue(s, "alice-id", "m1").get("jws").asText();
        String oldKid = JWSObject.parse(before).getHeader().getKeyID();

        http.post().uri("/api/learning/issuers/" + s.slug() + "/keys").header(HttpHeaders.AUTHORIZATION, s.f().facilitator()).exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        http.post().uri("/api/learning/issuers/" + s.slug() + "/keys").header(HttpHeaders.AUTHORIZATION, bearer("ada", null, "admin")).exchange()
                .expectStatus().isCreated();

        String after = issue(s, "bob-id", "m1").get("jws").asText();
        assertThat(JWSObject.parse(after).getHeader().getKeyID()).isNotEqualTo(oldKid).startsWith(oldKid.substring(0, oldKid.indexOf('#')));
        assertThat(verify(before).get("verified").asBoolean()).isTrue();
        assertThat(verify(after).get("verified").asBoolean()).isTrue();

        JsonNode profile = http.get().uri("/api/public/learning/issuers/" + s.slug()).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(profile.get("keys")).hasSize(2);
        assertThat(profile.get("keys").findValues("retired")).hasSize(1);
        assertThat(profile.toString()).doesNotContain("\"d\"");
    }

    private boolean encodedListBit(String slug, int index) throws Exception {
        String list = http.get().uri("/api/public/learning/issuers/" + slug + "/status").exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vc+jwt").expectBody(String.class).returnResult().getResponseBody();
        JWSObject parsed = JWSObject.parse(list);
        // The list is itself signed with the issuer's key: check it as a third party would, then read the bit.
        JsonNode vc = JSON.readTree(parsed.getPayload().toString());
        assertThat(verify(list).get("checks").get(2).get("passed").asBoolean()).isTrue();
        return StatusList.isSet(vc.get("credentialSubject").get("encodedList").asText(), index);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.get(field).asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }
}
