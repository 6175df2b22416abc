import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import eu.vetnet.community.library.Practice;
import eu.vetnet.community.library.PracticeContent;
import eu.vetnet.community.search.PracticeIndex;
import eu.vetnet.community.search.SearchQuery;
import eu.vetnet.community.search.SearchResult;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library search at size (docs/community.md, "Search speed"): PRACTICES generated practices by 10,000 members,
 * one query mix (1-2 words of the practice's language, 0-3 facets with 1-2 values each), run against the server's
 * Lucene index (ranked, total counted, facet counts) and against Cassandra 5 storage-attached indexes (the issue's
 * first candidate: analyzed text and one value per facet, unranked first page, no counts: all SAI can answer).
 * Prints one row per engine: build time, median, p95 and p99 per query, and the ratio.
 * Usage (bench/library-search.sh): java ... LibrarySearchBench.java PRACTICES QUERIES CASSANDRA_HOST:PORT|none
 */
public class LibrarySearchBench {

    static final String[] EN = words("mentor mentoring apprentice apprenticeship training workshop carpentry joinery skills digital"
            + " craft enterprise micro small firm master learning validation credit module assessment pool district tutor energy"
            + " retrofit insulation heat pump building trades upholstery bakery food hospitality tourism heritage succession"
            + " recognition prior freelancer portfolio inclusion migrants women construction repair bicycle cnc cad furniture"
            + " observatory region policy dialogue quality guide checklist evaluation survey outcome employer network school"
            + " university provider association cooperative funding voucher coaching peer counselling case practice exchange");
    static final String[] IT = words("apprendistato apprendisti bottega artigiana formazione tutor competenze digitali falegnameria"
            + " microimpresa impresa qualità valutazione crediti modulo laboratorio maestro artigiano riconoscimento"
            + " apprendimento regione politica dialogo turismo ristorazione panificio restauro patrimonio successione inclusione"
            + " migranti donne edilizia riparazione mobili progettazione osservatorio rete scuola università associazione");
    static final String[] DE = words("Ausbildung Lehrling Lehrlinge Handwerk Betrieb Meister Tischlerei Schreinerei Qualität"
            + " Kompetenzen digital Weiterbildung Anerkennung Prüfung Modul Werkstatt Region Politik Dialog Tourismus Bäckerei"
            + " Denkmalpflege Nachfolge Inklusion Zuwanderung Frauen Bau Reparatur Möbel Beobachtungsstelle Netzwerk Berufsschule"
            + " Hochschule Verband Genossenschaft Förderung Gutschein Beratung Praxis Austausch Energie Sanierung Dämmung");
    static final String[] OTHER = words("formation apprentissage artisan atelier compétences formación aprendizaje taller"
            + " opleiding leerling vakmanschap szkolenie rzemiosło praktyka");
    static final String[] SECTORS = {"C", "C10", "C16", "C25", "C31", "C33", "F", "F41", "F43", "G", "G47", "I", "I55", "I56", "M",
            "M74", "N", "P", "P85", "Q", "R", "S", "S95", "S96", "A", "A01", "E", "H", "J", "J62"};
    static final String[][] PLACES = {{"IT", "ITH3"}, {"IT", "ITC4"}, {"DE", "DE21"}, {"DE", "DEA1"}, {"AT", null}, {"ES", null},
            {"FR", null}, {"NL", null}, {"BE", null}, {"PL", null}, {"PT", null}, {"EL", null}, {"IE", null}, {"FI", null}};
    static final String[] ORG_TYPES = {"VET_PROVIDER", "SME_ASSOCIATION", "CRAFT_ENTERPRISE", "POLICY_BODY", "UNIVERSITY_SCHOOL", "WORKERS_NETWORK"};
    static final String[] LICENCES = {"CC-BY-4.0", "CC-BY-4.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC0-1.0"};
    static final String[] FACETS = {"sector", "country", "eqfLevel", "language", "organisationType", "licence"};

    static String[] words(String s) {
        return s.split(" ");
    }

    record Generated(Practice practice, String[] vocabulary) {
    }

    public static void main(String[] args) throws Exception {
        int practices = Integer.parseInt(args[0]);
        int queries = Integer.parseInt(args[1]);
        String cassandra = args[2];
        Random random = new Random(42);
        List<Generated> corpus = new ArrayList<>(practices);
        for (int i = 0; i < practices; i++) {
            corpus.add(generate(i, random));
        }
        List<Query> mix = new ArrayList<>();
        Random q = new Random(7);
        for (int i = 0; i < queries; i++) {
            mix.add(query(corpus.get(q.nextInt(corpus.size())), q));
        }
        JsonMapper json = JsonMapper.builder().findAndAddModules().build();

        long started = System.nanoTime();
        PracticeIndex index = new PracticeIndex(null, json);
        for (Generated g : corpus) {
            index.put(g.practice());
        }
        index.refresh();
        double luceneBuild = (System.nanoTime() - started) / 1e9;
        for (int round = 0; round < 2; round++) { // warm the JIT and the page cache
            for (Query x : mix) {
                index.search(x.lucene());
            }
        }
        double[] lucene = new double[mix.size()];
        long matched = 0;
        for (int i = 0; i < mix.size(); i++) {
            long t = System.nanoTime();
            SearchResult r = index.search(mix.get(i).lucene());
            lucene[i] = (System.nanoTime() - t) / 1e6;
            matched += r.total();
        }
        index.close();
        System.out.printf("practices %d by 10000 members, %d queries (1-2 words, 0-3 facets of 1-2 values); Lucene matched %.0f per query on average%n",
                practices, mix.size(), matched / (double) mix.size());
        System.out.println("| engine | what a query answers | build s | median ms | p95 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|");
        row("Lucene (the community server)", "ranked page of 20, total, 6 facet counts", luceneBuild, lucene);
        if (!cassandra.equals("none")) {
            double[] sai = sai(cassandra, corpus, mix);
            System.out.printf("ratio p95 Lucene / SAI: %.3f; median: %.3f%n", percentile(lucene, 95) / percentile(sai, 95),
                    percentile(lucene, 50) / percentile(sai, 50));
        }
    }

    record Query(String[] words, Map<String, List<String>> filters) {
        SearchQuery lucene() {
            return new SearchQuery(String.join(" ", words), filters, 0, 20);
        }
    }

    static Generated generate(int i, Random r) {
        int l = r.nextInt(10);
        String language = l < 5 ? "en" : l < 7 ? "it" : l < 9 ? "de" : new String[] {"fr", "es", "nl", "pl"}[r.nextInt(4)];
        String[] v = switch (language) { case "en" -> EN; case "it" -> IT; case "de" -> DE; default -> OTHER; };
        String[] place = PLACES[r.nextInt(PLACES.length)];
        Integer eqf = r.nextInt(5) == 0 ? null : 2 + r.nextInt(5);
        PracticeContent c = new PracticeContent(text(v, 4 + r.nextInt(6), r), text(v, 15 + r.nextInt(15), r), text(v, 40 + r.nextInt(40), r),
                text(v, 40 + r.nextInt(60), r), text(v, 20 + r.nextInt(40), r), text(v, 20 + r.nextInt(30), r),
                SECTORS[r.nextInt(SECTORS.length)], eqf, place[0], place[1], language, "Organisation " + r.nextInt(3000),
                ORG_TYPES[r.nextInt(ORG_TYPES.length)], List.of());
        String id = new UUID(42, i).toString();
        Instant at = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(600L * i);
        int member = r.nextInt(10_000);
        Practice p = new Practice(id, "p-" + i, 1, Practice.Status.PUBLISHED, c, LICENCES[r.nextInt(LICENCES.length)],
                List.of(new Practice.Author("member-" + member, "Member " + member)), r.nextInt(20), at, at, at, false);
        return new Generated(p, v);
    }

    static String text(String[] v, int n, Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            // Zipf-like: the first words of a vocabulary are common, the last rare.
            int w = (int) Math.min(v.length - 1, Math.floor(Math.pow(r.nextDouble(), 2) * v.length));
            b.append(i == 0 ? "" : " ").append(v[w]);
        }
        return b.toString();
    }

    static Query query(Generated g, Random r) {
        String[] words = new String[1 + r.nextInt(2)];
        for (int i = 0; i < words.length; i++) {
            words[i] = g.vocabulary()[r.nextInt(g.vocabulary().length)];
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        int facets = r.nextInt(4);
        var c = g.practice().content();
        for (int i = 0; i < facets; i++) {
            String facet = FACETS[r.nextInt(FACETS.length)];
            String own = switch (facet) {
                case "sector" -> c.sector().substring(0, 1);
                case "country" -> c.country();
                case "eqfLevel" -> c.eqfLevel() == null ? "4" : c.eqfLevel().toString();
                case "language" -> c.language();
                case "organisationType" -> c.organisationType();
                default -> g.practice().licence();
            };
            List<String> values = new ArrayList<>(List.of(own));
            if (r.nextBoolean() && !facet.equals("language")) {
                String other = switch (facet) {
                    case "sector" -> "F";
                    case "country" -> "DE";
                    case "eqfLevel" -> "3";
                    case "organisationType" -> "VET_PROVIDER";
                    default -> "CC-BY-4.0";
                };
                if (!other.equals(own)) {
                    values.add(other);
                }
            }
            filters.put(facet, values);
        }
        return new Query(words, filters);
    }

    /** The same practices and queries in Cassandra with storage-attached indexes: one value per facet (SAI has no OR). */
    static double[] sai(String hostPort, List<Generated> corpus, List<Query> mix) throws Exception {
        String[] hp = hostPort.split(":");
        try (CqlSession s = CqlSession.builder().addContactPoint(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])))
                .withLocalDatacenter("datacenter1").build()) {
            Duration ddl = Duration.ofSeconds(60);
            s.execute(SimpleStatement.newInstance("CREATE KEYSPACE IF NOT EXISTS vetnet_bench WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}").setTimeout(ddl));
            s.execute(SimpleStatement.newInstance("DROP TABLE IF EXISTS vetnet_bench.practices").setTimeout(ddl));
            s.execute(SimpleStatement.newInstance("CREATE TABLE vetnet_bench.practices (id uuid PRIMARY KEY, title text, body text, sector text,"
                    + " country text, eqf int, language text, org_type text, licence text, published timestamp)").setTimeout(ddl));
            boolean analyzed = true;
            try {
                s.execute(SimpleStatement.newInstance("CREATE CUSTOM INDEX ON vetnet_bench.practices (body) USING 'StorageAttachedIndex'"
                        + " WITH OPTIONS = {'index_analyzer': 'standard'}").setTimeout(ddl));
            } catch (RuntimeException e) {
                // Cassandra 5.0 has no analyzers in SAI (they came with later versions): words cannot be searched at all.
                analyzed = false;
                System.out.println("Cassandra refused an analyzed SAI index (" + e.getMessage() + "): its side runs the facet filters alone");
            }
            for (String column : List.of("sector", "country", "eqf", "language", "org_type", "licence")) {
                s.execute(SimpleStatement.newInstance("CREATE CUSTOM INDEX ON vetnet_bench.practices (" + column + ") USING 'StorageAttachedIndex'").setTimeout(ddl));
            }
            PreparedStatement insert = s.prepare("INSERT INTO vetnet_bench.practices (id, title, body, sector, country, eqf, language, org_type, licence, published)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            long started = System.nanoTime();
            Semaphore inFlight = new Semaphore(64);
            List<CompletableFuture<?>> pending = new ArrayList<>();
            for (Generated g : corpus) {
                Practice p = g.practice();
                var c = p.content();
                String all = String.join(" ", c.title(), c.summary(), c.problem(), c.approach(), c.results(), c.evidence());
                inFlight.acquire();
                pending.add(s.executeAsync(insert.bind(UUID.fromString(p.id()), c.title(), all, c.sector().substring(0, 1), c.country(),
                        c.eqfLevel(), c.language(), c.organisationType(), p.licence(), p.publishedAt())).toCompletableFuture()
                        .whenComplete((rs, e) -> inFlight.release()));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            s.execute(SimpleStatement.newInstance("SELECT id FROM vetnet_bench.practices WHERE sector = 'C' LIMIT 1").setTimeout(ddl));
            double build = (System.nanoTime() - started) / 1e9;
            String operator = analyzed ? ":" : "none";
            if (analyzed) {
                try {
                    s.execute(SimpleStatement.newInstance("SELECT id FROM vetnet_bench.practices WHERE body : 'mentor' LIMIT 1").setTimeout(ddl));
                } catch (RuntimeException e) {
                    operator = "="; // where ':' is not known, analyzed text is matched with =
                }
            }
            List<SimpleStatement> statements = new ArrayList<>();
            for (Query x : mix) {
                List<String> where = new ArrayList<>();
                List<Object> values = new ArrayList<>();
                for (int i = 0; analyzed && i < x.words().length; i++) {
                    where.add("body " + operator + " ?");
                    values.add(x.words()[i].toLowerCase());
                }
                for (var f : x.filters().entrySet()) {
                    String column = switch (f.getKey()) { case "eqfLevel" -> "eqf"; case "organisationType" -> "org_type"; default -> f.getKey(); };
                    where.add(column + " = ?");
                    String first = f.getValue().get(0);
                    values.add(column.equals("eqf") ? (Object) Integer.valueOf(first) : first);
                }
                String cql = "SELECT id, title FROM vetnet_bench.practices" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " LIMIT 20";
                statements.add(SimpleStatement.newInstance(cql, values.toArray()).setTimeout(Duration.ofSeconds(30)));
            }
            for (SimpleStatement st : statements) {
                s.execute(st); // warm
            }
            double[] ms = new double[statements.size()];
            for (int i = 0; i < statements.size(); i++) {
                long t = System.nanoTime();
                s.execute(statements.get(i)).all();
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            row(analyzed ? "Cassandra SAI (words: operator " + operator + ")" : "Cassandra 5.0 SAI (no words: no analyzer)",
                    (analyzed ? "" : "facet filters only, ") + "unranked first 20, one value per facet, no total, no counts", build, ms);
            return ms;
        }
    }

    static void row(String engine, String answers, double build, double[] ms) {
        System.out.printf("| %s | %s | %.1f | %.2f | %.2f | %.2f |%n", engine, answers, build, percentile(ms, 50), percentile(ms, 95), percentile(ms, 99));
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
