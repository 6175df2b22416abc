package eu.vetnet.community.search;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import java.util.HashMap;

/**
 * How the library's text becomes search terms (docs/community.md, "Search"). Every practice is indexed twice: once
 * with accents and case folded, the same for every language ("formazione", "Ausbildung", "Handwerksbetrieb" match as
 * typed, "Qualität" as "qualitat"), and once stemmed in its own language where Lucene has a stemmer for it
 * ("apprentices" finds "apprenticeship"... "Lehrlinge" finds "Lehrling"). A query is run against both.
 */
final class Analyzers {

    static final String STEMMED = "stemmed_";

    /** The languages with a stemmer: the practice's {@code language} picks one. */
    static final Map<String, Supplier<Analyzer>> STEMMERS = Map.ofEntries(
            Map.entry("en", EnglishAnalyzer::new), Map.entry("it", ItalianAnalyzer::new), Map.entry("de", GermanAnalyzer::new),
            Map.entry("fr", FrenchAnalyzer::new), Map.entry("es", SpanishAnalyzer::new), Map.entry("pt", PortugueseAnalyzer::new),
            Map.entry("nl", DutchAnalyzer::new), Map.entry("el", GreekAnalyzer::new), Map.entry("fi", FinnishAnalyzer::new),
            Map.entry("sv", SwedishAnalyzer::new), Map.entry("da", DanishAnalyzer::new), Map.entry("ro", RomanianAnalyzer::new),
            Map.entry("hu", HungarianAnalyzer::new), Map.entry("cs", CzechAnalyzer::new));

    private Analyzers() {
    }

    /** Folded text for the plain fields, each language's stemmer for its stemmed field. */
    static Analyzer perField() {
        Map<String, Analyzer> stemmed = new HashMap<>();
        STEMMERS.forEach((language, analyzer) -> stemmed.put(STEMMED + language, analyzer.get()));
        return new PerFieldAnalyzerWrapper(new Folded(), stemmed);
    }

    /** Words, lower case, accents folded to ASCII. */
    static final class Folded extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream folded = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            return new TokenStreamComponents(source, folded);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
