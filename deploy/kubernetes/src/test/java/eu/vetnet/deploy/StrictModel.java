package eu.vetnet.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds fields the Kubernetes model did not know. fabric8's classes keep any field they do not declare in
 * {@code additionalProperties} instead of failing (a typo such as {@code replica:} would be applied and ignored by the
 * API server); this walks a parsed object and names every such field with its path.
 */
final class StrictModel {

    private StrictModel() {
    }

    static List<String> unknownFields(Object parsed) {
        List<String> found = new ArrayList<>();
        walk(parsed, "", found);
        return found;
    }

    private static void walk(Object node, String path, List<String> found) {
        if (node == null) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", found);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(e.getValue(), path + "[" + e.getKey() + "]", found);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return; // strings, numbers, enums: leaves
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || !getter.getName().startsWith("get")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue; // a computed getter that needs more than the parsed fields
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (field.equals("additionalProperties") && value instanceof Map<?, ?> extra) {
                for (Object key : extra.keySet()) {
                    found.add((path.isEmpty() ? "" : path + ".") + key);
                }
                continue;
            }
            walk(value, path.isEmpty() ? field : path + "." + field, found);
        }
    }
}
