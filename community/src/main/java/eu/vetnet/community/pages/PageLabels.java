package eu.vetnet.community.pages;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the public pages around what members wrote, in the app's three languages (EN, IT, DE). A practice is
 * shown in the language it was written in; the page around it follows the reader ({@code ?lang=}, then the browser's
 * Accept-Language, then English).
 */
final class PageLabels {

    static final List<String> LANGUAGES = List.of("en", "it", "de");

    private static final Map<String, Map<String, String>> LABELS = Map.of(
            "en", Map.ofEntries(
                    Map.entry("community", "Community"), Map.entry("members", "Members"), Map.entry("moderators", "Moderators"),
                    Map.entry("upcoming", "Upcoming sessions"), Map.entry("past", "Past sessions"), Map.entry("practices", "Practices"),
                    Map.entry("communityFeed", "This community's Atom feed"), Map.entry("joinInApp", "Join it, and read its discussions, in VET-NET"),
                    Map.entry("communities", "Communities"), Map.entry("none", "None yet."),
                    Map.entry("demoCommunity", "Demo data: this community belongs to the demonstration data of this installation."),
                    Map.entry("library", "VET-NET best-practice library"), Map.entry("search", "Search the library"),
                    Map.entry("feed", "Atom feed"), Map.entry("problem", "The problem"), Map.entry("approach", "The approach"),
                    Map.entry("results", "Results"), Map.entry("evidence", "Evidence"), Map.entry("links", "Where it comes from"),
                    Map.entry("organisation", "Organisation"), Map.entry("sector", "Sector (NACE Rev. 2)"),
                    Map.entry("place", "Country and region"), Map.entry("eqf", "EQF level"), Map.entry("language", "Written in"),
                    Map.entry("published", "Published"), Map.entry("endorsements", "Endorsements"), Map.entry("licence", "Licence"),
                    Map.entry("authors", "Authors"), Map.entry("details", "About this practice"),
                    Map.entry("demo", "Demo data: this practice belongs to the demonstration library of this installation, not to a real organisation."),
                    Map.entry("licenceText", "You may reuse this practice under the terms of"),
                    Map.entry("languages", "Page language"), Map.entry("notFound", "No published practice has this address."),
                    Map.entry("notFoundTitle", "Practice not found")),
            "it", Map.ofEntries(
                    Map.entry("community", "Comunità"), Map.entry("members", "Membri"), Map.entry("moderators", "Moderatori"),
                    Map.entry("upcoming", "Prossime sessioni"), Map.entry("past", "Sessioni passate"), Map.entry("practices", "Pratiche"),
                    Map.entry("communityFeed", "Feed Atom di questa comunità"), Map.entry("joinInApp", "Unisciti e leggi le sue discussioni in VET-NET"),
                    Map.entry("communities", "Comunità"), Map.entry("none", "Ancora nessuna."),
                    Map.entry("demoCommunity", "Dati dimostrativi: questa comunità fa parte dei dati di prova di questa installazione."),
                    Map.entry("library", "Biblioteca di buone pratiche VET-NET"), Map.entry("search", "Cerca nella biblioteca"),
                    Map.entry("feed", "Feed Atom"), Map.entry("problem", "Il problema"), Map.entry("approach", "L’approccio"),
                    Map.entry("results", "Risultati"), Map.entry("evidence", "Evidenze"), Map.entry("links", "Da dove viene"),
                    Map.entry("organisation", "Organizzazione"), Map.entry("sector", "Settore (NACE Rev. 2)"),
                    Map.entry("place", "Paese e regione"), Map.entry("eqf", "Livello EQF"), Map.entry("language", "Scritta in"),
                    Map.entry("published", "Pubblicata"), Map.entry("endorsements", "Sostegni"), Map.entry("licence", "Licenza"),
                    Map.entry("authors", "Autori"), Map.entry("details", "Su questa pratica"),
                    Map.entry("demo", "Dati dimostrativi: questa pratica appartiene alla biblioteca di prova di questa installazione, non a un’organizzazione reale."),
                    Map.entry("licenceText", "Puoi riutilizzare questa pratica alle condizioni della licenza"),
                    Map.entry("languages", "Lingua della pagina"), Map.entry("notFound", "Nessuna pratica pubblicata ha questo indirizzo."),
                    Map.entry("notFoundTitle", "Pratica non trovata")),
            "de", Map.ofEntries(
                    Map.entry("community", "Gemeinschaft"), Map.entry("members", "Mitglieder"), Map.entry("moderators", "Moderation"),
                    Map.entry("upcoming", "Kommende Sitzungen"), Map.entry("past", "Vergangene Sitzungen"), Map.entry("practices", "Praxisbeispiele"),
                    Map.entry("communityFeed", "Atom-Feed dieser Gemeinschaft"), Map.entry("joinInApp", "In VET-NET beitreten und die Diskussionen lesen"),
                    Map.entry("communities", "Gemeinschaften"), Map.entry("none", "Noch keine."),
                    Map.entry("demoCommunity", "Demodaten: Diese Gemeinschaft gehört zu den Demonstrationsdaten dieser Installation."),
                    Map.entry("library", "VET-NET Bibliothek guter Praxis"), Map.entry("search", "In der Bibliothek suchen"),
                    Map.entry("feed", "Atom-Feed"), Map.entry("problem", "Das Problem"), Map.entry("approach", "Der Ansatz"),
                    Map.entry("results", "Ergebnisse"), Map.entry("evidence", "Belege"), Map.entry("links", "Woher sie kommt"),
                    Map.entry("organisation", "Organisation"), Map.entry("sector", "Branche (NACE Rev. 2)"),
                    Map.entry("place", "Land und Region"), Map.entry("eqf", "EQR-Niveau"), Map.entry("language", "Verfasst auf"),
                    Map.entry("published", "Veröffentlicht"), Map.entry("endorsements", "Befürwortungen"), Map.entry("licence", "Lizenz"),
                    Map.entry("authors", "Autorinnen und Autoren"), Map.entry("details", "Über diese Praxis"),
                    Map.entry("demo", "Demodaten: Diese Praxis gehört zur Demonstrationsbibliothek dieser Installation, nicht zu einer echten Organisation."),
                    Map.entry("licenceText", "Sie dürfen diese Praxis zu den Bedingungen folgender Lizenz weiterverwenden:"),
                    Map.entry("languages", "Sprache der Seite"), Map.entry("notFound", "Unter dieser Adresse ist keine veröffentlichte Praxis."),
                    Map.entry("notFoundTitle", "Praxis nicht gefunden")));

    private PageLabels() {
    }

    /** The reader's language: an explicit choice, else the first of the browser's languages we have, else English. */
    static String language(String requested, List<Locale.LanguageRange> accepted) {
        if (requested != null && LANGUAGES.contains(requested)) {
            return requested;
        }
        String match = Locale.lookupTag(accepted, LANGUAGES);
        return match == null ? "en" : match;
    }

    static String get(String language, String key) {
        return LABELS.getOrDefault(language, LABELS.get("en")).getOrDefault(key, LABELS.get("en").get(key));
    }
}
