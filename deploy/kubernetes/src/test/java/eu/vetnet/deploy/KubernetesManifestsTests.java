package eu.vetnet.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The manifests under deploy/kubernetes, as the build checks them (docs/operations.md, "Kubernetes"). */
class KubernetesManifestsTests {

    /** Maven runs the tests in the module's folder, deploy/kubernetes. */
    private static final Path HERE = Path.of("").toAbsolutePath();
    private static final Path REPOSITORY = HERE.resolve("../..").normalize();

    @Test
    void theBaseParsesStrictlyAndHoldsTheDeploymentRules() {
        Manifests base = Manifests.of(HERE.resolve("base"));
        assertEquals(List.of(), base.problems);
        assertEquals(List.of(), base.all(GenericKubernetesResource.class).stream().map(r -> r.getKind()).toList(),
                "the base is plain Kubernetes: every kind is in the model");
        assertEquals(List.of(), DeploymentRules.check(base));
        assertEquals(List.of(), Settings.check(base, REPOSITORY));
        Set<String> servers = base.all(Deployment.class).stream().map(d -> d.getMetadata().getName()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Settings.SERVERS.stream().map(s -> "vetnet-" + s).toList()), servers,
                "a Deployment for every server in the repository");
    }

    @Test
    void theProductionOverlayParsesAndGivesEveryImageARegistry() throws Exception {
        Path overlay = HERE.resolve("overlays/production");
        Manifests production = Manifests.of(overlay);
        assertEquals(List.of(), production.problems);
        assertEquals(List.of(), Settings.check(production, REPOSITORY));
        String kustomization = Files.readString(overlay.resolve("kustomization.yaml"));
        for (Deployment d : production.all(Deployment.class)) {
            for (var c : d.getSpec().getTemplate().getSpec().getContainers()) {
                String image = c.getImage().substring(0, c.getImage().indexOf(':'));
                assertTrue(kustomization.contains("- name: " + image + "\n"), "the overlay does not name a registry for " + image);
            }
        }
    }

    @Test
    void theDependenciesAreOperatorResourcesThatMatchTheServersSettings() {
        Manifests dependencies = Manifests.of(HERE.resolve("dependencies"));
        assertEquals(List.of(), dependencies.problems);
        assertEquals(List.of(), dependencies.all(io.fabric8.kubernetes.api.model.apps.StatefulSet.class), "no home-made StatefulSets");
        ConfigMap config = Manifests.of(HERE.resolve("base")).named(ConfigMap.class, DeploymentRules.CONFIG).orElseThrow();
        Map<String, String> settings = config.getData();

        GenericKubernetesResource redis = only(dependencies.custom("Redis"));
        assertEquals(settings.get("VETNET_REDIS_HOST"), redis.getMetadata().getName(), "the servers' Redis host is the operator's Service");

        GenericKubernetesResource cassandra = only(dependencies.custom("K8ssandraCluster"));
        List<Map<String, Object>> datacenters = cassandra.get("spec", "cassandra", "datacenters");
        Map<String, Object> dc = datacenters.get(0);
        String dcName = (String) ((Map<?, ?>) dc.get("metadata")).get("name");
        assertEquals(settings.get("VETNET_CASSANDRA_LOCAL_DATACENTER"), dcName);
        assertEquals(cassandra.getMetadata().getName() + "-" + dcName + "-service:9042", settings.get("VETNET_CASSANDRA_CONTACT_POINTS"),
                "the contact point is k8ssandra's Service of that datacenter");
        assertEquals(3, ((Number) dc.get("size")).intValue(), "three Cassandra nodes");
        assertEquals("LOCAL_QUORUM", settings.get("VETNET_CASSANDRA_CONSISTENCY"), "writes go on with one node of three lost");
        ConfigMap replication = Manifests.of(HERE.resolve("overlays/production")).patched.stream()
                .filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast).findFirst().orElseThrow();
        assertEquals("{'class': 'NetworkTopologyStrategy', '" + dcName + "': 3}", replication.getData().get("VETNET_CASSANDRA_REPLICATION"));

        GenericKubernetesResource keycloak = only(dependencies.custom("Keycloak"));
        String hostname = keycloak.get("spec", "hostname", "hostname");
        assertTrue(settings.get("VETNET_OIDC_ISSUER_URI").startsWith(hostname + "/realms/"), "the issuer is the operator's Keycloak");
    }

    // The check itself must be able to fail: each case below is a manifest with one defect.

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: vetnet-learning
            spec:
              %s: 2
              selector:
                matchLabels: {app: x}
              template:
                metadata:
                  labels: {app: x}
                spec:
                  containers:
                    - name: learning
                      image: vetnet/learning:1
            """;

    @Test
    void aMisspeltFieldIsAnUnknownField() {
        assertEquals(List.of(), Manifests.ofYaml(DEPLOYMENT.formatted("replicas"), "test").problems);
        List<String> problems = Manifests.ofYaml(DEPLOYMENT.formatted("replica"), "test").problems;
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).endsWith("unknown field spec.replica"), problems.get(0));
    }

    @Test
    void aWrongTypeIsNotAKubernetesObject() {
        List<String> problems = Manifests.ofYaml(DEPLOYMENT.formatted("replicas").replace("replicas: 2", "replicas: two"), "test").problems;
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("not a Kubernetes object"), problems.get(0));
    }

    @Test
    void aDeploymentWithoutProbesDrainBudgetOrServiceBreaksTheRules() {
        List<String> violations = DeploymentRules.check(Manifests.ofYaml(DEPLOYMENT.formatted("replicas"), "test"));
        String all = String.join("\n", violations);
        for (String expected : List.of("readiness and a liveness probe", "cpu and memory requests", "memory limit",
                "preStop sleep", "SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE", "no PodDisruptionBudget", "no Service",
                "maxUnavailable: 0")) {
            assertTrue(all.contains(expected), "not found: " + expected + " in\n" + all);
        }
    }

    @Test
    void aGracePeriodShorterThanTheDrainBreaksTheRules() throws Exception {
        // The room server's manifests with the ConfigMap they read.
        String rooms = Files.readString(HERE.resolve("base/config.yaml")) + "\n---\n" + Files.readString(HERE.resolve("base/rooms.yaml"));
        assertEquals(List.of(), DeploymentRules.check(Manifests.ofYaml(rooms, "rooms.yaml")));
        String shortGrace = rooms.replace("terminationGracePeriodSeconds: 60", "terminationGracePeriodSeconds: 30");
        List<String> violations = DeploymentRules.check(Manifests.ofYaml(shortGrace, "rooms.yaml"));
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("Kubernetes would kill it mid-drain"), violations.get(0));
        String fastScaleIn = rooms.replace("value: 1\n          periodSeconds: 300", "value: 3\n          periodSeconds: 300");
        assertFalse(DeploymentRules.check(Manifests.ofYaml(fastScaleIn, "rooms.yaml")).isEmpty(), "scaling in three room servers at once");
        String literalSecret = rooms.replace("name: JAVA_TOOL_OPTIONS", "name: VETNET_METRICS_TOKEN");
        assertTrue(String.join("\n", DeploymentRules.check(Manifests.ofYaml(literalSecret, "rooms.yaml"))).contains("is a secret"));
    }

    @Test
    void aVariableNoServerReadsIsFound() throws Exception {
        String rooms = Files.readString(HERE.resolve("base/rooms.yaml")).replace("VETNET_PRESENCE_NODEID", "VETNET_PRESENCE_NODE_ID");
        List<String> violations = Settings.check(Manifests.ofYaml(rooms, "rooms.yaml"), REPOSITORY);
        assertEquals(List.of("vetnet-rooms: the rooms server does not read VETNET_PRESENCE_NODE_ID"), violations);
    }

    private static <T> T only(List<T> list) {
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }
}
