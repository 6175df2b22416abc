package eu.vetnet.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Grafana dashboard and Prometheus alert rules in deploy/observability, as the servers' tests see them: which
 * metrics each one uses for a scrape job ({@code metric{job="vetnet-rooms", ...}}), so that a test can scrape the real
 * server and find every one of them there (docs/operations.md, "Watching VET-NET").
 */
public final class ObservabilityAssets {

    public static final List<String> FILES = List.of("deploy/observability/vetnet-dashboard.json",
            "deploy/observability/vetnet-alerts.yaml");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{job=\"([^\"]+)\"");
    /** Series Prometheus makes itself, never in a scrape. */
    private static final Set<String> SYNTHETIC = Set.of("up");

    private ObservabilityAssets() {
    }

    /** Every metric the dashboard and the alerts read from {@code job}. */
    public static Set<String> metricsOf(String job) {
        Set<String> out = new TreeSet<>();
        for (String file : FILES) {
            String text;
            try {
                text = Files.readString(LocalServices.repositoryRoot().resolve(file)).replace("\\\"", "\"");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher m = SELECTOR.matcher(text);
            while (m.find()) {
                if (m.group(2).equals(job) && !SYNTHETIC.contains(m.group(1))) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** The metrics of {@link #metricsOf} that have no sample in {@code scrape} (Prometheus text format). */
    public static Set<String> missingFrom(String scrape, String job) {
        Set<String> missing = new TreeSet<>();
        for (String metric : metricsOf(job)) {
            Pattern sample = Pattern.compile("(?m)^" + Pattern.quote(metric) + "[{ ]");
            if (!sample.matcher(scrape).find()) {
                missing.add(metric);
            }
        }
        return missing;
    }

    /** The value of the first sample of {@code metric} whose labels contain {@code labels} (empty: any), or NaN. */
    public static double value(String scrape, String metric, String labels) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                if (labels.isEmpty() || line.contains(labels)) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return Double.NaN;
    }
}
