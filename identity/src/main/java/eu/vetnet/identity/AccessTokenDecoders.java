package eu.vetnet.identity;

import com.nimbusds.jose.JWSHeader;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one way VET-NET's services decode an access token: signature against the issuer's keys ({@link IssuerKeys},
 * with its refetch cooldown), then {@link AccessTokenValidators} (expiry, issuer, audience, {@code typ}). The
 * gateway, the room server and identity's admin API all build their decoder here. docs/identity.md, "Tokens".
 */
public final class AccessTokenDecoders {

    private AccessTokenDecoders() {
    }

    /** For WebFlux services. Only a key fetch (rare: first use, or a rotated key) leaves the calling thread. */
    public static ReactiveJwtDecoder reactive(IssuerKeys keys, String issuer, String audience) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> {
            JWSHeader header = jwt.getHeader();
            if (keys.needsFetch(header)) {
                return Mono.fromCallable(() -> keys.keysFor(header)).subscribeOn(Schedulers.boundedElastic())
                        .flatMapMany(Flux::fromIterable);
            }
            return Flux.fromIterable(keys.keysFor(header));
        }).build();
        decoder.setJwtValidator(AccessTokenValidators.of(issuer, audience));
        return decoder;
    }

    /** For servlet services (identity's admin API). */
    public static JwtDecoder blocking(IssuerKeys keys, String issuer, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(AccessTokenValidators.of(issuer, audience));
        return decoder;
    }
}
