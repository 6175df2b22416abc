package eu.vetnet.identity.issuer;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser as far as OIDC needs one: a cookie jar, redirects followed by hand, the login form filled in. */
public final class BrowserSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Signs {@code username} in at the built-in issuer as the gateway client would, and returns the token response. */
    public static Map<String, Object> gatewayTokens(URI issuer, String redirect, String username, String password) throws Exception {
        BrowserSession browser = new BrowserSession();
        Pkce pkce = Pkce.create();
        String query = "response_type=code&client_id=vetnet-gateway&scope=openid%20profile%20email&state=s&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256";
        URI login = location(issuer, browser.get(issuer.resolve("/oauth2/authorize?" + query)));
        URI callback = browser.signIn(login, issuer.toString(), username, password);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", query(callback, "code"));
        form.put("redirect_uri", redirect);
        form.put("code_verifier", pkce.verifier());
        String basic = Base64.getEncoder().encodeToString("vetnet-gateway:vetnet-gateway-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = browser.http.send(HttpRequest.newBuilder(issuer.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("token request failed: " + response.body());
        }
        return com.nimbusds.jose.util.JSONObjectUtils.parse(response.body());
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(URI uri, Map<String, String> form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** From a redirect to the login page: fills in the form, follows redirects until one leaves {@code issuer}. */
    URI signIn(URI loginRedirect, String issuer, String username, String password) throws Exception {
        HttpResponse<String> page = get(loginRedirect);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on the login page: " + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", csrf.group(1));
        HttpResponse<String> response = postForm(loginRedirect, form);
        URI next = location(loginRedirect, response);
        while (next.toString().startsWith(issuer)) {
            response = get(next);
            next = location(next, response);
        }
        return next;
    }

    static URI location(URI base, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 3) {
            throw new AssertionError("expected a redirect from " + base + ", got " + response.statusCode() + ": " + response.body());
        }
        return base.resolve(response.headers().firstValue("Location").orElseThrow());
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** A PKCE verifier and its S256 challenge. */
    record Pkce(String verifier, String challenge) {
        static Pkce create() throws Exception {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        }
    }
}
