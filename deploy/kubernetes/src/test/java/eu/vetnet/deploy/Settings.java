package eu.vetnet.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every {@code VETNET_*} variable the manifests set must be one a server reads: a placeholder of its
 * {@code application.yaml}, or one of the few settings bound by Spring's relaxed names listed here with the field they
 * bind to. A misspelt variable would otherwise be set and silently ignored.
 */
final class Settings {

    /** Relaxed names (Spring drops the dashes) to the module and source file whose field they set. */
    static final Map<String, String[]> RELAXED = Map.of(
            "VETNET_PRESENCE_NODEID", new String[] {"rooms", "rooms/presence/PresenceProperties.java", "nodeId"},
            "VETNET_PRESENCE_ADVERTISEDURL", new String[] {"rooms", "rooms/presence/PresenceProperties.java", "advertisedUrl"},
            "VETNET_HISTORY_DRAINTIMEOUT", new String[] {"rooms", "rooms/history/HistoryProperties.java", "drainTimeout"},
            "VETNET_CASSANDRA_REPLICATION", new String[] {"storage", "storage/CassandraProperties.java", "replication"});
    static final List<String> SERVERS = List.of("gateway", "rooms", "identity", "community", "learning");

    private Settings() {
    }

    static List<String> check(Manifests manifests, Path repository) {
        List<String> violations = new ArrayList<>();
        Set<String> anyServer = new HashSet<>();
        for (String server : SERVERS) {
            anyServer.addAll(placeholders(repository, server));
        }
        for (Map.Entry<String, String[]> relaxed : RELAXED.entrySet()) {
            String[] target = relaxed.getValue();
            Path source = repository.resolve(target[0]).resolve("src/main/java/eu/vetnet").resolve(target[1]);
            if (!read(source).matches("(?s).*private [\\w<>.]+ " + target[2] + "\\b.*")) {
                violations.add(relaxed.getKey() + ": " + source + " has no field " + target[2] + " any more");
            }
        }
        List<ConfigMap> configMaps = new ArrayList<>(manifests.all(ConfigMap.class));
        manifests.patched.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast).forEach(configMaps::add);
        for (ConfigMap config : configMaps) {
            for (String key : config.getData().keySet()) {
                if (key.startsWith("VETNET_") && !anyServer.contains(key) && !RELAXED.containsKey(key)) {
                    violations.add("ConfigMap " + config.getMetadata().getName() + ": no server reads " + key);
                }
            }
        }
        for (Deployment d : manifests.all(Deployment.class)) {
            String server = d.getMetadata().getName().replaceFirst("^vetnet-", "");
            Set<String> own = placeholders(repository, server);
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar v : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                    String name = v.getName();
                    String[] relaxed = RELAXED.get(name);
                    boolean read = own.contains(name) || relaxed != null && (relaxed[0].equals(server) || relaxed[0].equals("storage"));
                    if (name.startsWith("VETNET_") && !read) {
                        violations.add(d.getMetadata().getName() + ": the " + server + " server does not read " + name);
                    }
                }
            }
        }
        return violations;
    }

    /** The {@code ${VETNET_...}} placeholders of a server's application.yaml. */
    static Set<String> placeholders(Path repository, String server) {
        Path yaml = repository.resolve(server).resolve("src/main/resources/application.yaml");
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("\\$\\{(VETNET_[A-Z0-9_]+)").matcher(read(yaml));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
