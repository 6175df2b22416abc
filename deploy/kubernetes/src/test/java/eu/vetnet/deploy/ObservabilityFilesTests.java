package eu.vetnet.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/observability as Grafana and Prometheus will read it (docs/operations.md, "Watching VET-NET"): well formed,
 * every selector naming its scrape job, and what an operator must watch all on the dashboard. That the metrics exist
 * is checked against the real servers' scrapes (the room server's and the gateway's metric tests).
 */
class ObservabilityFilesTests {

    private static final Path FOLDER = Path.of("").toAbsolutePath().resolve("../observability").normalize();
    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    /** A metric selector: a name followed by its label matchers. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\}");
    /** What the dashboard must show (issue 18): one metric for each. */
    private static final List<String> WATCHED = List.of("vetnet_rooms_open", "vetnet_rooms_update_latency_seconds_bucket",
            "vetnet_rooms_rejections_total", "vetnet_history_append_seconds_bucket", "vetnet_history_append_failures_total",
            "vetnet_rooms_leases_total", "vetnet_rooms_sockets", "http_server_requests_seconds_count");

    @Test
    @SuppressWarnings("unchecked")
    void theAlertRulesAreWellFormed() throws Exception {
        Map<String, Object> rules = YAML.unmarshal(Files.readString(FOLDER.resolve("vetnet-alerts.yaml")), Map.class);
        List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
        assertFalse(groups.isEmpty());
        Set<String> names = new HashSet<>();
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                String alert = (String) rule.get("alert");
                assertTrue(alert != null && names.add(alert), "every rule is an alert with a name of its own: " + rule);
                assertEquals(Set.of(), problems((String) rule.get("expr")), alert);
                Map<String, Object> labels = (Map<String, Object>) rule.get("labels");
                assertTrue(Set.of("warning", "critical").contains(labels.get("severity")), alert + ": severity");
                Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
                assertFalse(((String) annotations.get("summary")).isBlank(), alert + ": summary");
                if (rule.containsKey("for")) {
                    assertTrue(((String) rule.get("for")).matches("\\d+[smh]"), alert + ": for");
                }
            }
        }
        assertTrue(names.contains("VetnetHistoryAppendFailing") && names.contains("VetnetLeaseExpired"), names.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDashboardShowsWhatAnOperatorMustWatch() throws Exception {
        Map<String, Object> dashboard = YAML.unmarshal(Files.readString(FOLDER.resolve("vetnet-dashboard.json")), Map.class);
        assertEquals("vetnet", dashboard.get("uid"));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
            assertFalse(((String) panel.get("title")).isBlank());
            List<Map<String, Object>> targets = (List<Map<String, Object>>) panel.get("targets");
            assertFalse(targets.isEmpty(), panel.get("title") + " has no query");
            for (Map<String, Object> target : targets) {
                String expr = (String) target.get("expr");
                assertEquals(Set.of(), problems(expr), (String) panel.get("title"));
                expressions.add(expr);
            }
        }
        String all = String.join("\n", expressions);
        for (String metric : WATCHED) {
            assertTrue(all.contains(metric + "{"), "the dashboard does not show " + metric);
        }
    }

    @Test
    void aSelectorWithoutItsJobIsAProblem() {
        assertEquals(Set.of(), problems("rate(vetnet_rooms_updates_total{job=\"vetnet-rooms\"}[5m])"));
        assertEquals(Set.of("vetnet_rooms_updates_total: no job label"), problems("rate(vetnet_rooms_updates_total{instance=\"a\"}[5m])"));
        assertEquals(Set.of("vetnet_rooms_updates_total: no job label"), problems("rate(vetnet_rooms_updates_total[5m])"));
    }

    /** Every metric in {@code expr} must be selected with a job label, so each reads the servers it means. */
    private static Set<String> problems(String expr) {
        Set<String> problems = new HashSet<>();
        if (expr == null || expr.isBlank()) {
            return Set.of("empty expression");
        }
        Matcher m = SELECTOR.matcher(expr);
        Set<Integer> selected = new HashSet<>();
        while (m.find()) {
            selected.add(m.start(1));
            if (!m.group(2).contains("job=\"")) {
                problems.add(m.group(1) + ": no job label");
            }
        }
        // Bare metric names (no braces) read every job: vetnet_ and http_ names must come with a selector.
        Matcher bare = Pattern.compile("\\b((?:vetnet|http)_[a-zA-Z0-9_]+)\\b(?!\\{)").matcher(expr);
        while (bare.find()) {
            if (!selected.contains(bare.start(1))) {
                problems.add(bare.group(1) + ": no job label");
            }
        }
        return problems;
    }
}
