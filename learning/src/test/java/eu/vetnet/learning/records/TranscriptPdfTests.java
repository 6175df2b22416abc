package eu.vetnet.learning.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class TranscriptPdfTests {

    static Transcript.ModuleRecord module(String title, Result.Kind kind, String grade) {
        return new Transcript.ModuleRecord("m", title, 5, true, grade, 3, 3, kind, "2027-01-01T00:00:00Z");
    }

    @Test
    void everyModuleGradeCreditAndKindIsInTheTextNamesInAnyEuropeanScriptIncluded() throws Exception {
        var record = new Transcript.ProgrammeRecord("p", "Co-design for VET trainers", "Northfield VET College",
                List.of(module("Planning a workshop", Result.Kind.FORMAL, "28/30"), module("Running a workshop", Result.Kind.RECOGNISED, "")),
                6, 6, 6, 3, true);
        byte[] pdf = TranscriptPdf.of(new Transcript("Zoë Łukasiewicz-Παπαδοπούλου", List.of(record)), Instant.parse("2027-06-30T10:00:00Z"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // Lines wrap where the page ends: read the text as one line.
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Zoë Łukasiewicz-Παπαδοπούλου", "Co-design for VET trainers", "Northfield VET College",
                    "Planning a workshop (EQF level 5): grade 28/30, 3 ECTS", "Running a workshop (EQF level 5): passed, 3 ECTS",
                    "recognised informal learning", "Earned 6 of 6 ECTS credits (3 recognised)", "Programme complete.", "30 June 2027");
        }
    }

    @Test
    void aLongRecordGoesOnToMorePagesAndLosesNoLine() throws Exception {
        List<Transcript.ModuleRecord> modules = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            modules.add(module("Module number " + i + " with a title long enough to wrap across the width of an A4 page at this size", Result.Kind.FORMAL, "A"));
        }
        byte[] pdf = TranscriptPdf.of(new Transcript("Anna", List.of(new Transcript.ProgrammeRecord("p", "Long", null, modules, 240, 240, 240, 0, true))),
                Instant.now());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (int i = 1; i <= 80; i++) {
                assertThat(text).contains("Module number " + i + " with");
            }
        }
    }
}
