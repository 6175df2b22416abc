package eu.vetnet.gateway.signin;

import eu.vetnet.gateway.GatewayException;
import java.time.Duration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one client registration, discovered from the issuer on first use and then kept: the gateway starts (and
 * reports healthy) before the issuer is up, and a sign-in while the issuer is down fails and is retried on the
 * next attempt instead of failing the gateway's start.
 */
final class LazyClientRegistrations implements ReactiveClientRegistrationRepository {

    private final String registrationId;
    private final Mono<ClientRegistration> registration;

    LazyClientRegistrations(OidcProperties properties) {
        this.registrationId = properties.getRegistrationId();
        this.registration = Mono.fromCallable(() -> ClientRegistrations.fromIssuerLocation(properties.effectiveIssuerUri())
                        .registrationId(properties.getRegistrationId())
                        .clientId(properties.getClientId())
                        .clientSecret(properties.getClientSecret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .scope(properties.getScopes())
                        .redirectUri(properties.getRedirectUri())
                        .build())
                .onErrorMap(e -> new GatewayException("cannot read the issuer's discovery document at "
                        + properties.effectiveIssuerUri() + "/.well-known/openid-configuration: is the identity server "
                        + "(or Keycloak, VETNET_OIDC_ISSUER_URI) running and reachable? " + e.getMessage(), e))
                // Discovery is a blocking HTTP call (RestClient inside ClientRegistrations): never on an event loop.
                .subscribeOn(Schedulers.boundedElastic())
                .cache(ok -> Duration.ofDays(36_500), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String id) {
        return registrationId.equals(id) ? registration : Mono.empty();
    }
}
