package eu.vetnet.learning.credentials;

import eu.vetnet.identity.api.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The credentials' public face, for anyone holding one: the issuer's profile and keys, its status list, and
 * verification (docs/learning.md, "Verifying").
 */
@RestController
@RequestMapping("/api/public/learning")
public class PublicCredentialController {

    static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");
    private final Verifier verifier;
    private final StatusLists statusLists;
    private final IssuerKeys keys;
    private final Issuers issuers;

    public PublicCredentialController(Verifier verifier, StatusLists statusLists, IssuerKeys keys, Issuers issuers) {
        this.verifier = verifier;
        this.statusLists = statusLists;
        this.keys = keys;
        this.issuers = issuers;
    }

    /** The credential to check, as the learner downloaded it (the compact JWS). */
    public record Check(String credential) {
    }

    @PostMapping("/verify")
    public Mono<Verification> verify(@RequestBody Check in) {
        return Mono.defer(() -> Mono.fromCompletionStage(verifier.verify(in == null ? null : in.credential())));
    }

    /** The issuer's Open Badges profile with every public key it signed with (retired ones too). */
    @GetMapping("/issuers/{slug}")
    public Mono<Map<String, Object>> issuer(@PathVariable String slug) {
        return Mono.defer(() -> {
            if (!Issuers.plausible(slug)) {
                throw ApiException.notFound("no issuer " + slug);
            }
            return Mono.fromCompletionStage(keys.all(slug)).map(all -> {
                if (all.isEmpty()) {
                    throw ApiException.notFound("no issuer " + slug, "check the address in the credential");
                }
                Map<String, Object> profile = new LinkedHashMap<>();
                profile.put("id", issuers.id(slug));
                profile.put("type", List.of("Profile"));
                profile.put("name", all.get(0).name());
                profile.put("keys", all.stream().map(k -> {
                    Map<String, Object> jwk = new LinkedHashMap<>(k.key().toPublicJWK().toJSONObject());
                    jwk.put("created", k.created().toString());
                    if (k.retired() != null) {
                        jwk.put("retired", k.retired().toString());
                    }
                    return jwk;
                }).toList());
                return profile;
            });
        });
    }

    /** The issuer's revocation list, a signed BitstringStatusListCredential. */
    @GetMapping("/issuers/{slug}/status")
    public Mono<ResponseEntity<String>> status(@PathVariable String slug) {
        return Mono.defer(() -> {
            if (!Issuers.plausible(slug)) {
                throw ApiException.notFound("no issuer " + slug);
            }
            return Mono.fromCompletionStage(statusLists.credential(slug)).map(jws -> ResponseEntity.ok().contentType(VC_JWT).body(jws));
        });
    }
}
