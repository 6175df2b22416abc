package eu.vetnet.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What every VET-NET server's manifests must say (docs/operations.md, "Kubernetes"), checked on parsed objects. Each
 * rule adds a sentence naming the object and what is missing; an empty list means the manifests hold.
 */
final class DeploymentRules {

    /** The one ConfigMap and the one Secret every server reads its settings from. */
    static final String CONFIG = "vetnet-config";
    static final String SECRETS = "vetnet-secrets";
    /** Servers that must scale by themselves. */
    static final Set<String> AUTOSCALED = Set.of("vetnet-gateway", "vetnet-rooms");

    private final Manifests manifests;
    private final List<String> violations = new ArrayList<>();

    private DeploymentRules(Manifests manifests) {
        this.manifests = manifests;
    }

    static List<String> check(Manifests manifests) {
        DeploymentRules rules = new DeploymentRules(manifests);
        rules.checkAll();
        return rules.violations;
    }

    private void checkAll() {
        if (manifests.all(Deployment.class).isEmpty()) {
            violations.add("no Deployment at all");
        }
        for (Deployment d : manifests.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            if (!labels.equals(d.getSpec().getSelector().getMatchLabels())) {
                violations.add(name + ": the selector does not match the pod labels");
            }
            var pod = d.getSpec().getTemplate().getSpec();
            for (Container c : pod.getContainers()) {
                checkContainer(name, c, pod.getTerminationGracePeriodSeconds());
            }
            if (!matching(PodDisruptionBudget.class, p -> labels.entrySet().containsAll(p.getSpec().getSelector().getMatchLabels().entrySet()))) {
                violations.add(name + ": no PodDisruptionBudget selects its pods");
            }
            List<Service> services = manifests.all(Service.class).stream()
                    .filter(s -> s.getSpec().getSelector() != null && labels.entrySet().containsAll(s.getSpec().getSelector().entrySet()))
                    .toList();
            if (services.isEmpty()) {
                violations.add(name + ": no Service selects its pods");
            }
            for (Service s : services) {
                for (ServicePort port : s.getSpec().getPorts()) {
                    String target = port.getTargetPort() == null ? null : port.getTargetPort().getStrVal();
                    boolean named = target != null && pod.getContainers().stream().flatMap(c -> c.getPorts().stream())
                            .anyMatch(p -> target.equals(p.getName()));
                    if (!named) {
                        violations.add("Service " + s.getMetadata().getName() + ": targetPort " + port.getTargetPort()
                                + " is not a named port of " + name);
                    }
                }
            }
            var rolling = d.getSpec().getStrategy() == null ? null : d.getSpec().getStrategy().getRollingUpdate();
            if (rolling == null || rolling.getMaxUnavailable() == null || !Integer.valueOf(0).equals(rolling.getMaxUnavailable().getIntVal())) {
                violations.add(name + ": a rolling update must keep every pod until its replacement is ready (maxUnavailable: 0)");
            }
            if (AUTOSCALED.contains(name) && !matching(HorizontalPodAutoscaler.class,
                    h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind()) && name.equals(h.getSpec().getScaleTargetRef().getName()))) {
                violations.add(name + ": no HorizontalPodAutoscaler scales it");
            }
        }
        for (HorizontalPodAutoscaler h : manifests.all(HorizontalPodAutoscaler.class)) {
            if ("vetnet-rooms".equals(h.getSpec().getScaleTargetRef().getName())) {
                var down = h.getSpec().getBehavior() == null ? null : h.getSpec().getBehavior().getScaleDown();
                boolean onePod = down != null && down.getPolicies() != null && !down.getPolicies().isEmpty()
                        && down.getPolicies().stream().allMatch(p -> "Pods".equals(p.getType()) && p.getValue() == 1);
                if (!onePod) {
                    violations.add("HorizontalPodAutoscaler " + h.getMetadata().getName()
                            + ": room servers scale in one pod at a time (each drains and moves its rooms)");
                }
            }
        }
    }

    private void checkContainer(String deployment, Container c, Long grace) {
        String where = deployment + " container " + c.getName();
        if (c.getReadinessProbe() == null || c.getLivenessProbe() == null) {
            violations.add(where + ": needs both a readiness and a liveness probe");
        }
        var resources = c.getResources();
        Map<String, Quantity> requests = resources == null ? null : resources.getRequests();
        Map<String, Quantity> limits = resources == null ? null : resources.getLimits();
        if (requests == null || !requests.containsKey("cpu") || !requests.containsKey("memory")) {
            violations.add(where + ": needs cpu and memory requests");
        }
        if (limits == null || !limits.containsKey("memory")) {
            violations.add(where + ": needs a memory limit");
        }
        var preStop = c.getLifecycle() == null ? null : c.getLifecycle().getPreStop();
        long preStopSeconds = preStop != null && preStop.getSleep() != null ? preStop.getSleep().getSeconds() : -1;
        if (preStopSeconds < 1) {
            violations.add(where + ": needs a preStop sleep, so that traffic stops before SIGTERM");
        }
        Duration phase = env(c, "SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE").map(DeploymentRules::duration).orElse(null);
        if (phase == null) {
            violations.add(where + ": needs SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE, the drain's bound");
        } else if (grace == null || grace < preStopSeconds + phase.toSeconds() + 10) {
            violations.add(where + ": terminationGracePeriodSeconds " + grace + " is shorter than preStop (" + preStopSeconds
                    + " s) + the drain (" + phase.toSeconds() + " s) + 10 s: Kubernetes would kill it mid-drain");
        }
        env(c, "VETNET_HISTORY_DRAINTIMEOUT").map(DeploymentRules::duration).ifPresent(drain -> {
            if (phase != null && drain.compareTo(phase) >= 0) {
                violations.add(where + ": the history drain (" + drain + ") must end within the shutdown phase (" + phase + ")");
            }
        });
        for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null && !CONFIG.equals(from.getConfigMapRef().getName())) {
                violations.add(where + ": reads ConfigMap " + from.getConfigMapRef().getName() + ", not " + CONFIG);
            }
            if (from.getConfigMapRef() != null && manifests.named(ConfigMap.class, from.getConfigMapRef().getName()).isEmpty()) {
                violations.add(where + ": ConfigMap " + from.getConfigMapRef().getName() + " is not in the manifests");
            }
        }
        for (EnvVar v : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
            boolean secretName = v.getName().endsWith("SECRET") || v.getName().endsWith("PASSWORD") || v.getName().endsWith("TOKEN");
            if (secretName && v.getValue() != null) {
                violations.add(where + ": " + v.getName() + " is a secret: it must come from " + SECRETS + ", not a literal");
            }
            var secretRef = v.getValueFrom() == null ? null : v.getValueFrom().getSecretKeyRef();
            if (secretRef != null && !SECRETS.equals(secretRef.getName())) {
                violations.add(where + ": " + v.getName() + " reads Secret " + secretRef.getName() + ", not " + SECRETS);
            }
        }
    }

    private <T extends io.fabric8.kubernetes.api.model.HasMetadata> boolean matching(Class<T> type, Predicate<T> test) {
        return manifests.all(type).stream().anyMatch(o -> {
            try {
                return test.test(o);
            } catch (NullPointerException incomplete) {
                return false;
            }
        });
    }

    private static java.util.Optional<String> env(Container c, String name) {
        return (c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()).stream()
                .filter(v -> name.equals(v.getName()) && v.getValue() != null).map(EnvVar::getValue).findFirst();
    }

    /** Spring's short durations: {@code 40s}, {@code 2m}, {@code 500ms}. */
    static Duration duration(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m)").matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
