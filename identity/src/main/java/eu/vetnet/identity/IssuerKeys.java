package eu.vetnet.identity;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An issuer's signing keys (its JWKS), fetched on first use and again only when a token names a key the cached set
 * lacks (the issuer rotated its keys), <b>at most once per cooldown</b>: a flood of tokens with made-up {@code kid}s
 * must not become a flood of requests to the issuer. Within the cooldown such a token simply finds no key and is
 * refused. The JWKS address is either given or discovered from {@code {issuer}/.well-known/openid-configuration}
 * on first use, so a service starts before its issuer does. docs/identity.md, "Tokens".
 *
 * <p>Thread-safe. {@link #needsFetch} lets a reactive caller move only the (rare, blocking) fetch off its event loop.
 */
public final class IssuerKeys implements JWKSource<SecurityContext> {

    /** How long after a fetch an unknown key id may cause the next one. */
    public static final Duration DEFAULT_REFETCH_COOLDOWN = Duration.ofSeconds(30);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(IssuerKeys.class);

    private final String issuer;
    private final Duration cooldown;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final AtomicLong fetches = new AtomicLong();
    private volatile URI jwksUri;
    private volatile JWKSet keys = new JWKSet();
    /** Set while a fetch is under way (callers that find no key then wait for it). */
    private volatile boolean fetching;
    /** When the last fetch was tried (successful or not); null before the first. */
    private volatile Instant lastFetch;

    /**
     * @param issuer the issuer URI, for discovery (and error messages)
     * @param jwksUri the JWKS address, or null to discover it from the issuer
     */
    public IssuerKeys(String issuer, String jwksUri, Duration cooldown, Clock clock) {
        this.issuer = issuer;
        this.jwksUri = jwksUri == null || jwksUri.isBlank() ? null : URI.create(jwksUri);
        this.cooldown = cooldown;
        this.clock = clock;
    }

    public IssuerKeys(String issuer, String jwksUri, Duration cooldown) {
        this(issuer, jwksUri, cooldown, Clock.systemUTC());
    }

    /** The keys that may have signed a token with this header; empty when none is known (and none may be fetched). */
    public List<JWK> keysFor(JWSHeader header) {
        return get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
    }

    /**
     * True when {@link #keysFor} would go to the issuer for this header, or wait for a fetch under way: the key is
     * unknown and the cooldown is over, or another caller is fetching right now.
     */
    public boolean needsFetch(JWSHeader header) {
        return new JWKSelector(JWKMatcher.forJWSHeader(header)).select(keys).isEmpty() && (fetching || fetchAllowed());
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> found = selector.select(keys);
        if (!found.isEmpty()) {
            return found;
        }
        if (!fetching && !fetchAllowed()) {
            return selector.select(keys); // within the cooldown (a fetch may have ended just now: look again)
        }
        // Whoever finds no key while a fetch is under way waits for it and looks again: the first requests after a
        // start (or a rotation) come together, and were refused while the first of them was still fetching.
        synchronized (this) {
            if (selector.select(keys).isEmpty() && fetchAllowed()) {
                fetch();
            }
        }
        return selector.select(keys);
    }

    /** How many times the issuer was asked for its keys (discovery not counted); for tests and metrics. */
    public long fetches() {
        return fetches.get();
    }

    private boolean fetchAllowed() {
        Instant last = lastFetch;
        return last == null || !clock.instant().isBefore(last.plus(cooldown));
    }

    private void fetch() {
        fetching = true;
        lastFetch = clock.instant();
        fetches.incrementAndGet();
        try {
            URI uri = jwksUri != null ? jwksUri : discover();
            keys = JWKSet.parse(get(uri));
        } catch (IOException | ParseException | RuntimeException e) {
            // The old keys stay; the next try is after the cooldown.
            log.warn("could not read the signing keys of {}: {}", issuer, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            fetching = false;
        }
    }

    private URI discover() throws IOException, InterruptedException, ParseException {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        var metadata = JSONObjectUtils.parse(get(URI.create(base + "/.well-known/openid-configuration")));
        String uri = JSONObjectUtils.getString(metadata, "jwks_uri");
        if (uri == null) {
            throw new IOException(issuer + " publishes no jwks_uri in its OpenID configuration");
        }
        jwksUri = URI.create(uri);
        return jwksUri;
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        return response.body();
    }
}
