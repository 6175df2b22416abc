package eu.vetnet.identity.issuer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import eu.vetnet.identity.pages.BrandedPages;

/**
 * The built-in issuer's sign-in page (docs/identity.md, "Sign-in page"): VET-NET's own, in English, Italian or
 * German after the browser's languages, with the username kept after a wrong password. The form posts to
 * {@code /login} as Spring Security's own page did ({@code username}, {@code password}, {@code _csrf}).
 */
@RestController
// Only with the built-in issuer: with Keycloak its own (themed) page signs people in.
@ConditionalOnExpression(BuiltInIssuerConfiguration.ON)
public class LoginPage {

    /** Where a failed sign-in leaves the username for the page that follows (never the password). */
    static final String LAST_USERNAME = "vetnet.login.username";

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.of("title", "Sign in to VET-NET", "tagline", "Co-design rooms of the Community of VET's Practices",
                    "username", "Username", "password", "Password", "submit", "Sign in",
                    "error", "Wrong username or password. Check both and try again.", "logout", "You are signed out."),
            "it", Map.of("title", "Accedi a VET-NET", "tagline", "Stanze di co-progettazione della Comunità di pratiche IFP",
                    "username", "Nome utente", "password", "Password", "submit", "Accedi",
                    "error", "Nome utente o password errati. Controllali e riprova.", "logout", "Sei uscito/a."),
            "de", Map.of("title", "Bei VET-NET anmelden", "tagline", "Co-Design-Räume der Community of VET's Practices",
                    "username", "Benutzername", "password", "Passwort", "submit", "Anmelden",
                    "error", "Benutzername oder Passwort falsch. Prüfe beides und versuche es erneut.", "logout", "Du bist abgemeldet."));

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(HttpServletRequest request) {
        String lang = BrandedPages.language(Collections.list(request.getLocales()));
        Map<String, String> t = TEXT.get(lang);
        HttpSession session = request.getSession(false);
        String username = session == null ? null : (String) session.getAttribute(LAST_USERNAME);
        if (session != null) {
            session.removeAttribute(LAST_USERNAME);
        }
        boolean error = request.getParameter("error") != null;
        boolean logout = request.getParameter("logout") != null;
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        StringBuilder html = new StringBuilder(2048);
        html.append("<h1>").append(esc(t.get("title"))).append("</h1>")
                .append("<p class=\"tagline\">").append(esc(t.get("tagline"))).append("</p>");
        if (error) {
            html.append("<p class=\"error\" role=\"alert\" id=\"login-error\">").append(esc(t.get("error"))).append("</p>");
        } else if (logout) {
            html.append("<p class=\"info\" role=\"status\">").append(esc(t.get("logout"))).append("</p>");
        }
        html.append("<form method=\"post\" action=\"").append(esc(request.getContextPath())).append("/login\">");
        html.append("<label for=\"username\">").append(esc(t.get("username"))).append("</label>")
                .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required")
                .append(username == null ? " autofocus" : " value=\"" + esc(username) + "\"")
                .append(error ? " aria-describedby=\"login-error\" aria-invalid=\"true\"" : "").append(">");
        html.append("<label for=\"password\">").append(esc(t.get("password"))).append("</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required")
                .append(username == null ? "" : " autofocus").append(">");
        if (csrf != null) {
            html.append("<input name=\"").append(esc(csrf.getParameterName())).append("\" type=\"hidden\" value=\"")
                    .append(esc(csrf.getToken())).append("\">");
        }
        html.append("<button type=\"submit\">").append(esc(t.get("submit"))).append("</button></form>");
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).header("Content-Language", lang)
                .header("Cache-Control", "no-store").body(BrandedPages.page(lang, t.get("title"), html.toString()));
    }

    /** Keeps the username typed for the page after a failed sign-in, then sends the browser there. */
    public static AuthenticationFailureHandler keepUsername() {
        return (request, response, exception) -> {
            String username = request.getParameter("username");
            if (username != null && username.length() <= 256) {
                request.getSession(true).setAttribute(LAST_USERNAME, username);
            }
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    private static String esc(String s) {
        return BrandedPages.escape(s);
    }
}
