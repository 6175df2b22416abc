package eu.vetnet.community.search;

import eu.vetnet.community.library.Practice;
import eu.vetnet.community.reference.ReferenceData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.FSDirectory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library's search index (docs/community.md, "Search"): published practices only, in Lucene, ranked full text
 * (BM25 over title, summary and body, folded and stemmed) and facet counts. Derived data: Cassandra is the store,
 * and the index is rebuilt from it at start ({@link LibraryIndexer}); each write to a practice updates it at once.
 */
public final class PracticeIndex implements AutoCloseable {

    /** The facets, by the names the API and the app use. */
    public static final List<String> FACETS = List.of("sector", "country", "eqfLevel", "language", "organisationType", "licence");
    private static final Map<String, Float> TEXT_WEIGHTS = textWeights();
    private static final Sort NEWEST = new Sort(new SortField("published", SortField.Type.LONG, true));
    private static final int FACET_VALUES = 100;

    private final Path folder;
    private final boolean ownFolder;
    private final Analyzer analyzer = Analyzers.perField();
    private final FacetsConfig config = new FacetsConfig();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final JsonMapper json;
    private volatile FacetState facetState;
    /**
     * Where index writes run: one thread of the index's own, never the thread that delivered the Cassandra answer
     * (the driver's I/O threads) or an event loop; Lucene writes and refreshes touch files.
     */
    private final java.util.concurrent.ExecutorService writes = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "library-index-writer");
        t.setDaemon(true);
        return t;
    });

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    /** An index in {@code folder}, or in a fresh temporary folder (removed on close) when null. Starts empty. */
    public PracticeIndex(Path folder, JsonMapper json) {
        this.json = json;
        try {
            this.ownFolder = folder == null;
            this.folder = folder == null ? Files.createTempDirectory("vetnet-library-index") : Files.createDirectories(folder);
            IndexWriterConfig wc = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            this.writer = new IndexWriter(FSDirectory.open(this.folder), wc);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the library's search index", e);
        }
    }

    private static Map<String, Float> textWeights() {
        Map<String, Float> w = new LinkedHashMap<>();
        w.put("title", 3f);
        w.put("summary", 2f);
        w.put("body", 1f);
        Analyzers.STEMMERS.keySet().forEach(language -> w.put(Analyzers.STEMMED + language, 1f));
        return Map.copyOf(w);
    }

    /** Puts a practice in (or takes it out) and refreshes, on the index's writer thread: the next search sees it. */
    public java.util.concurrent.CompletableFuture<Void> apply(Practice p) {
        return java.util.concurrent.CompletableFuture.runAsync(() -> {
            put(p);
            refresh();
        }, writes);
    }

    /** The index's writer thread, for bulk work (filling it from Cassandra at start). */
    public java.util.concurrent.Executor writes() {
        return writes;
    }

    /** Puts a practice in (published) or takes it out (anything else). Seen by searches after {@link #refresh()}. */
    public void put(Practice p) {
        try {
            Term id = new Term("id", p.id());
            if (!p.published()) {
                writer.deleteDocuments(id);
                return;
            }
            writer.updateDocument(id, config.build(document(p)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not index practice " + p.id(), e);
        }
    }

    /** Makes what was put visible to the next search. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("could not refresh the library's search index", e);
        }
    }

    private Document document(Practice p) {
        var c = p.content();
        Document doc = new Document();
        doc.add(new StringField("id", p.id(), Field.Store.NO));
        doc.add(new TextField("title", c.title(), Field.Store.NO));
        doc.add(new TextField("summary", c.summary(), Field.Store.NO));
        String body = String.join("\n", c.problem(), c.approach(), c.results(), c.evidence(), c.organisation());
        doc.add(new TextField("body", body, Field.Store.NO));
        if (Analyzers.STEMMERS.containsKey(c.language())) {
            doc.add(new TextField(Analyzers.STEMMED + c.language(), c.title() + "\n" + c.summary() + "\n" + body, Field.Store.NO));
        }
        // Who wrote it, and in which section: what peer counselling counts of a person's published work.
        p.authors().forEach(a -> doc.add(new StringField("author", a.id(), Field.Store.NO)));
        doc.add(new StringField("section", ReferenceData.sectionOf(c.sector()), Field.Store.NO));
        doc.add(new NumericDocValuesField("published", p.publishedAt() == null ? 0 : p.publishedAt().toEpochMilli()));
        facet(doc, "sector", ReferenceData.sectionOf(c.sector()));
        facet(doc, "country", c.country());
        facet(doc, "eqfLevel", c.eqfLevel() == null ? null : c.eqfLevel().toString());
        facet(doc, "language", c.language());
        facet(doc, "organisationType", c.organisationType());
        facet(doc, "licence", p.licence());
        doc.add(new StoredField("hit", json.writeValueAsBytes(PracticeHit.of(p))));
        return doc;
    }

    private static void facet(Document doc, String dim, String value) {
        if (value != null && !value.isEmpty()) {
            doc.add(new SortedSetDocValuesFacetField(dim, value));
        }
    }

    /** One page of a search, with the facet counts. */
    public SearchResult search(SearchQuery q) {
        long started = System.nanoTime();
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (searcher.getIndexReader().numDocs() == 0) {
                return new SearchResult(0, q.page(), q.size(), ms(started), List.of(), Map.of());
            }
            DrillDownQuery query = new DrillDownQuery(config, textQuery(q.text()));
            q.filters().forEach((dim, values) -> values.forEach(v -> query.add(dim, v)));
            DrillSideways sideways = new DrillSideways(searcher, config, facetState(searcher.getIndexReader()));
            int topN = (q.page() + 1) * q.size();
            DrillSideways.DrillSidewaysResult r = q.text().isEmpty()
                    ? sideways.search(query, null, null, topN, NEWEST, false)
                    : sideways.search(query, topN);
            List<PracticeHit> hits = new ArrayList<>();
            ScoreDoc[] docs = r.hits.scoreDocs;
            var stored = searcher.storedFields();
            for (int i = q.page() * q.size(); i < docs.length; i++) {
                byte[] hit = stored.document(docs[i].doc).getBinaryValue("hit").bytes;
                hits.add(json.readValue(hit, PracticeHit.class));
            }
            Map<String, List<SearchResult.FacetCount>> facets = new LinkedHashMap<>();
            for (String dim : FACETS) {
                facets.put(dim, counts(r, dim));
            }
            return new SearchResult(searcher.count(query), q.page(), q.size(), ms(started), hits, facets);
        } catch (IOException e) {
            throw new UncheckedIOException("the library search failed", e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                // Releasing decrements a reference count; it cannot lose anything.
            }
        }
    }

    private static List<SearchResult.FacetCount> counts(DrillSideways.DrillSidewaysResult r, String dim) throws IOException {
        FacetResult fr;
        try {
            fr = r.facets.getTopChildren(FACET_VALUES, dim);
        } catch (IllegalArgumentException e) {
            return List.of(); // no practice has this facet yet
        }
        if (fr == null) {
            return List.of();
        }
        return Stream.of(fr.labelValues)
                .sorted(Comparator.comparing((LabelAndValue lv) -> -lv.value.longValue()).thenComparing(lv -> lv.label))
                .map(lv -> new SearchResult.FacetCount(lv.label, lv.value.longValue())).toList();
    }

    /** The parsed words: never an error, whatever is typed (quotes, +, -, * are read as SimpleQueryParser reads them). */
    private Query textQuery(String text) {
        if (text.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, TEXT_WEIGHTS);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query parsed = parser.parse(text);
        return parsed == null ? new MatchNoDocsQuery("only stop words") : parsed;
    }

    /** Facet ordinals for the searcher's reader, made once per reader (every refresh brings a new one). */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState s = facetState;
        if (s != null && s.reader() == reader) {
            return s.state();
        }
        synchronized (this) {
            s = facetState;
            if (s == null || s.reader() != reader) {
                s = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, config));
                facetState = s;
            }
            return s.state();
        }
    }

    /**
     * The published practices from the {@code from}-th to before the {@code to}-th, in the index's own order (stable
     * between refreshes): how the sitemap lists them all, page by page, without a deep search.
     */
    public void forEachPublished(int from, int to, java.util.function.Consumer<PracticeHit> action) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                IndexReader reader = s.getIndexReader();
                var live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
                var stored = s.storedFields();
                int seen = 0;
                for (int doc = 0; doc < reader.maxDoc() && seen < to; doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    if (seen++ >= from) {
                        action.accept(json.readValue(stored.document(doc).getBinaryValue("hit").bytes, PracticeHit.class));
                    }
                }
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many published practices {@code authorId} co-wrote in a NACE section (peer counselling's suggestions). */
    public int countByAuthor(String authorId, String section) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.count(new org.apache.lucene.search.BooleanQuery.Builder()
                        .add(new org.apache.lucene.search.TermQuery(new Term("author", authorId)), BooleanClause.Occur.FILTER)
                        .add(new org.apache.lucene.search.TermQuery(new Term("section", section)), BooleanClause.Occur.FILTER)
                        .build());
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double ms(long started) {
        return Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
    }

    @Override
    public void close() throws IOException {
        writes.shutdown();
        searchers.close();
        writer.close();
        if (ownFolder) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

}
