package eu.vetnet.identity.pages;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages the servers render themselves, outside the app: the built-in issuer's sign-in page and every error page
 * of the identity server and the gateway (docs/frontend.md, "Error pages"). One look, one language rule (the first of
 * the browser's languages among English, Italian and German), no framework page anywhere.
 */
public final class BrandedPages {

    /** The languages of our pages, as the app has them. */
    public static final List<String> LANGUAGES = List.of("en", "it", "de");

    private static final Map<String, Map<String, String>> ERROR_TEXT = Map.of(
            "en", Map.ofEntries(
                    Map.entry("400.title", "This request could not be understood"),
                    Map.entry("400.text", "The address or form sent is not what VET-NET expects. Go back and try again."),
                    Map.entry("401.title", "Please sign in"),
                    Map.entry("401.text", "This page is for signed-in members. Sign in from the start page."),
                    Map.entry("403.title", "You may not open this"),
                    Map.entry("403.text", "Your account has no access to this page. A facilitator or an administrator can give it to you."),
                    Map.entry("404.title", "Page not found"),
                    Map.entry("404.text", "There is nothing at this address. Check the link, or go to the start page."),
                    Map.entry("429.title", "Too many requests at once"),
                    Map.entry("429.text", "Wait a few seconds, then try again."),
                    Map.entry("4xx.title", "This request was refused"),
                    Map.entry("4xx.text", "VET-NET cannot do what was asked. Go back and try again."),
                    Map.entry("5xx.title", "Something went wrong on our side"),
                    Map.entry("5xx.text", "VET-NET could not answer just now. Try again in a minute: what you wrote in a room stays on your device until it is saved."),
                    Map.entry("status", "Error {status}"),
                    Map.entry("home", "Go to the start page")),
            "it", Map.ofEntries(
                    Map.entry("400.title", "Questa richiesta non è comprensibile"),
                    Map.entry("400.text", "L’indirizzo o il modulo inviato non è quello che VET-NET si aspetta. Torna indietro e riprova."),
                    Map.entry("401.title", "Accedi, per favore"),
                    Map.entry("401.text", "Questa pagina è per i membri che hanno effettuato l’accesso. Accedi dalla pagina iniziale."),
                    Map.entry("403.title", "Non puoi aprire questa pagina"),
                    Map.entry("403.text", "Il tuo account non ha accesso a questa pagina. Un facilitatore o un amministratore può dartelo."),
                    Map.entry("404.title", "Pagina non trovata"),
                    Map.entry("404.text", "A questo indirizzo non c’è nulla. Controlla il link o vai alla pagina iniziale."),
                    Map.entry("429.title", "Troppe richieste insieme"),
                    Map.entry("429.text", "Attendi qualche secondo, poi riprova."),
                    Map.entry("4xx.title", "Questa richiesta è stata rifiutata"),
                    Map.entry("4xx.text", "VET-NET non può fare ciò che è stato chiesto. Torna indietro e riprova."),
                    Map.entry("5xx.title", "Qualcosa è andato storto da parte nostra"),
                    Map.entry("5xx.text", "VET-NET non ha potuto rispondere ora. Riprova tra un minuto: ciò che hai scritto in una stanza resta sul tuo dispositivo finché non è salvato."),
                    Map.entry("status", "Errore {status}"),
                    Map.entry("home", "Vai alla pagina iniziale")),
            "de", Map.ofEntries(
                    Map.entry("400.title", "Diese Anfrage ist nicht verständlich"),
                    Map.entry("400.text", "Die Adresse oder das Formular entspricht nicht dem, was VET-NET erwartet. Gehe zurück und versuche es erneut."),
                    Map.entry("401.title", "Bitte melde dich an"),
                    Map.entry("401.text", "Diese Seite ist für angemeldete Mitglieder. Melde dich auf der Startseite an."),
                    Map.entry("403.title", "Du darfst das nicht öffnen"),
                    Map.entry("403.text", "Dein Konto hat keinen Zugang zu dieser Seite. Eine Moderatorin, ein Moderator oder die Administration kann ihn dir geben."),
                    Map.entry("404.title", "Seite nicht gefunden"),
                    Map.entry("404.text", "Unter dieser Adresse gibt es nichts. Prüfe den Link oder gehe zur Startseite."),
                    Map.entry("429.title", "Zu viele Anfragen auf einmal"),
                    Map.entry("429.text", "Warte ein paar Sekunden und versuche es dann erneut."),
                    Map.entry("4xx.title", "Diese Anfrage wurde abgelehnt"),
                    Map.entry("4xx.text", "VET-NET kann das Gewünschte nicht tun. Gehe zurück und versuche es erneut."),
                    Map.entry("5xx.title", "Bei uns ist etwas schiefgegangen"),
                    Map.entry("5xx.text", "VET-NET konnte gerade nicht antworten. Versuche es in einer Minute erneut: Was du in einem Raum geschrieben hast, bleibt auf deinem Gerät, bis es gespeichert ist."),
                    Map.entry("status", "Fehler {status}"),
                    Map.entry("home", "Zur Startseite")));

    private BrandedPages() {
    }

    /** The first of the browser's languages (Accept-Language, in its order) that we have, else English. */
    public static String language(List<Locale> preferred) {
        for (Locale l : preferred) {
            if (LANGUAGES.contains(l.getLanguage())) {
                return l.getLanguage();
            }
        }
        return "en";
    }

    /** A whole page: {@code body} is HTML already escaped by the caller. */
    public static String page(String lang, String title, String body) {
        return "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head><body>"
                + "<main><p class=\"brand\">VET-NET</p>" + body + "</main></body></html>";
    }

    /** Our page for an HTTP error: what happened and what to do, in the browser's language, and a way home. */
    public static String errorPage(int status, List<Locale> preferred) {
        String lang = language(preferred);
        Map<String, String> t = ERROR_TEXT.get(lang);
        String key = t.containsKey(status + ".title") ? String.valueOf(status) : status >= 500 ? "5xx" : "4xx";
        String title = t.get(key + ".title");
        return page(lang, title, "<h1>" + escape(title) + "</h1><p>" + escape(t.get(key + ".text")) + "</p>"
                + "<p class=\"muted\">" + escape(t.get("status").replace("{status}", String.valueOf(status))) + "</p>"
                + "<p><a class=\"button\" href=\"/\">" + escape(t.get("home")) + "</a></p>");
    }

    public static String escape(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }

    /** The look of every page here: the app's colours, a readable card, visible focus. */
    public static final String STYLE = "body{margin:0;font-family:system-ui,sans-serif;background:#f4f6f8;color:#1d2733}"
            + "main{max-width:420px;margin:10vh auto;background:#fff;border:1px solid #d8dee6;border-radius:10px;padding:28px 32px}"
            + ".brand{font-weight:700;color:#1f4e8c;letter-spacing:.04em;margin:0}h1{font-size:1.4rem;margin:.4rem 0}"
            + ".tagline,.muted{color:#4a5563;font-size:.9rem;margin:0 0 1rem}label{display:block;font-weight:600;margin:.8rem 0 .2rem}"
            + "input{width:100%;box-sizing:border-box;padding:.55rem;border:1px solid #8a94a3;border-radius:6px;font:inherit}"
            + "button,.button{display:inline-block;margin-top:1.2rem;padding:.6rem 1rem;border:0;border-radius:6px;background:#1f4e8c;color:#fff;"
            + "font:inherit;font-weight:600;cursor:pointer;text-decoration:none}button{width:100%}"
            + "button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #f2b705;outline-offset:1px}"
            + ".error{color:#a1161c;background:#fdecec;border-radius:6px;padding:.5rem .7rem}.info{background:#e9f3ff;border-radius:6px;padding:.5rem .7rem}";
}
