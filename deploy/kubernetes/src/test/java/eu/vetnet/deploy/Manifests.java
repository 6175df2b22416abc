package eu.vetnet.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents of a Kustomize folder as Kubernetes objects: each file its {@code kustomization.yaml} lists, split at
 * {@code ---}, parsed by fabric8's model. What could not be parsed, or parsed with fields the model does not know,
 * is a problem; custom resources (kinds the model does not have) are kept as generic objects.
 */
final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    final List<HasMetadata> objects = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    /** Reads {@code folder}'s kustomization and the files it lists (folders it lists are read the same way). */
    static Manifests of(Path folder) {
        Manifests m = new Manifests();
        m.readKustomization(folder);
        return m;
    }

    /** Parses one YAML text of one or more documents (for the check's own tests). */
    static Manifests ofYaml(String yaml, String source) {
        Manifests m = new Manifests();
        m.parse(yaml, source);
        return m;
    }

    @SuppressWarnings("unchecked")
    private void readKustomization(Path folder) {
        Path file = folder.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            problems.add(folder + ": no kustomization.yaml");
            return;
        }
        Map<String, Object> kustomization = SERIALIZATION.unmarshal(read(file), Map.class);
        Object resources = kustomization.get("resources");
        for (Object entry : resources instanceof List<?> list ? list : List.of()) {
            Path listed = folder.resolve(entry.toString()).normalize();
            if (Files.isDirectory(listed)) {
                readKustomization(listed);
            } else if (Files.isRegularFile(listed)) {
                parse(read(listed), folder.relativize(listed).toString());
            } else {
                problems.add(file + " lists " + entry + ", which does not exist");
            }
        }
        Object patches = kustomization.get("patches");
        for (Object patch : patches instanceof List<?> list ? list : List.of()) {
            Object path = patch instanceof Map<?, ?> p ? p.get("path") : null;
            if (path != null) {
                Path patchFile = folder.resolve(path.toString());
                if (Files.isRegularFile(patchFile)) {
                    Manifests parsed = ofYaml(read(patchFile), patchFile.toString());
                    problems.addAll(parsed.problems);
                    patched.addAll(parsed.objects);
                } else {
                    problems.add(file + " patches with " + path + ", which does not exist");
                }
            }
        }
    }

    /** Strategic-merge patches of the folders read (parsed and checked like the rest, not merged). */
    final List<HasMetadata> patched = new ArrayList<>();

    private void parse(String yaml, String source) {
        int index = 0;
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
                continue;
            }
            String where = source + " document " + (++index);
            Object parsed;
            try {
                parsed = SERIALIZATION.unmarshal(document);
            } catch (RuntimeException e) {
                problems.add(where + ": not a Kubernetes object: " + rootCause(e));
                continue;
            }
            if (!(parsed instanceof HasMetadata object)) {
                problems.add(where + ": not a Kubernetes object (" + (parsed == null ? "empty" : parsed.getClass().getSimpleName()) + ")");
                continue;
            }
            if (!(object instanceof GenericKubernetesResource)) {
                for (String unknown : StrictModel.unknownFields(object)) {
                    problems.add(where + " (" + object.getKind() + " " + object.getMetadata().getName() + "): unknown field " + unknown);
                }
            }
            objects.add(object);
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage().lines().findFirst().orElse("");
    }
}
