package eu.vetnet.crdt.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded random ops in the oracle's op language, chosen to fit a replica's current content (the
 * {@code json} reply of the oracle): text edits with formatting and embeds, map sets/deletes, array
 * inserts/deletes, XML elements, attributes and text, and nested types under fixed keys.
 *
 * <p>Ops stay inside what both engines can author: no surrogate pairs, format attribute values never
 * numbers (ywasm writes 1 as "1.0" where yjs writes "1"), no binary or big int values (ywasm 0.18.3
 * cannot take them from JS).
 * Nested types live under keys named for their type ({@link #TYPED_KEYS}), so the shape of
 * {@code toJSON} tells which type a value is.
 */
public final class RandomOps {

    /** Map keys that only ever hold a shared type of the named kind. */
    public static final List<String> TYPED_KEYS = List.of("text1", "xt1", "map1", "arr1");

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    // Multi-byte but no surrogate pairs: concurrent edits around a pair diverge between yjs and ywasm
    // (the pair ends up split into U+FFFD); surrogate pairs are covered by the golden files.
    private static final String[] CHUNKS = {"a", "b", "c", "xyz", "é", "ß", "€", "中文", " ", "\n", "ü"};
    private static final String[] PLAIN_KEYS = {"a", "b", "c", "d"};
    private static final String[] NODE_NAMES = {"p", "h1", "li"};

    private final Random rnd;
    private final boolean formatting;

    /**
     * @param rnd the seeded source of every choice
     * @param formatting whether text gets format attributes (textFormat, textInsert with attrs). After
     *                   a remote transaction yjs deletes redundant format markers locally
     *                   (cleanupYTextFormatting); those deletes exist only on the replica that made
     *                   them unless its update is passed on, and ywasm makes none. Scenarios that only
     *                   pass on authored updates must leave formatting out.
     */
    public RandomOps(Random rnd, boolean formatting) {
        this.rnd = rnd;
        this.formatting = formatting;
    }

    /** One op that is valid against {@code state} (a {@link NodeOracle#json} reply). */
    public ObjectNode next(JsonNode state) {
        for (int attempt = 0; attempt < 20; attempt++) {
            ObjectNode op = switch (rnd.nextInt(10)) {
                case 0, 1, 2 -> textOp(path("text"), deltaText(state.path("text").path("delta")), true);
                case 3 -> mapOp(path("map"), state.path("map"), true);
                case 4 -> nestedInMap(state.path("map"));
                case 5, 6 -> arrayOp(path("array"), state.path("array"), true);
                default -> xmlOp(state.path("xml").path("tree"));
            };
            if (op != null) {
                return op;
            }
        }
        return textOp(path("text"), deltaText(state.path("text").path("delta")), true);
    }

    private ObjectNode textOp(ArrayNode path, String text, boolean rich) {
        int len = text.length();
        int kind = rnd.nextInt(rich ? 10 : 6);
        if (kind >= 6 && kind < 9 && !formatting) {
            kind = 3; // a delete instead of a format
        }
        if (len == 0 || kind < 3) {
            ObjectNode op = op("textInsert", path).put("index", boundary(text, rnd.nextInt(len + 1))).put("text", chunk());
            if (rich && formatting && rnd.nextInt(4) == 0) {
                op.set("attrs", attrs());
            }
            return op;
        }
        if (kind < 6) {
            int[] range = range(text);
            return op("textDelete", path).put("index", range[0]).put("len", range[1]);
        }
        if (kind < 9) {
            int[] range = range(text);
            ObjectNode op = op("textFormat", path).put("index", range[0]).put("len", range[1]);
            op.set("attrs", attrs());
            return op;
        }
        ObjectNode op = op("textInsertEmbed", path).put("index", boundary(text, rnd.nextInt(len + 1)));
        op.set("embed", MAPPER.createObjectNode().put("image", "img" + rnd.nextInt(100) + ".png"));
        return op;
    }

    private ObjectNode mapOp(ArrayNode path, JsonNode map, boolean root) {
        int kind = rnd.nextInt(root ? 8 : 5);
        String key = PLAIN_KEYS[rnd.nextInt(PLAIN_KEYS.length)];
        if (kind < 3) {
            ObjectNode op = op("mapSet", path).put("key", key);
            op.set("value", value(2));
            return op;
        }
        if (kind < 5) {
            List<String> keys = new ArrayList<>(map.propertyNames());
            String victim = keys.isEmpty() || rnd.nextInt(5) == 0 ? key : keys.get(rnd.nextInt(keys.size()));
            return op("mapDelete", path).put("key", victim);
        }
        String typedKey = TYPED_KEYS.get(rnd.nextInt(TYPED_KEYS.size()));
        String type = switch (typedKey) {
            case "text1" -> "text";
            case "xt1" -> "xmlText";
            case "map1" -> "map";
            default -> "array";
        };
        return op("mapSetType", path).put("key", typedKey).put("type", type);
    }

    private ObjectNode nestedInMap(JsonNode map) {
        String key = TYPED_KEYS.get(rnd.nextInt(TYPED_KEYS.size()));
        JsonNode v = map.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        ArrayNode path = path("map").add(key);
        return switch (key) {
            case "text1" -> textOp(path, v.asString(), false); // toJSON drops embeds: keep it plain text
            case "xt1" -> null; // its toJSON is XML markup, not the text: no reliable length
            case "map1" -> mapOp(path, v, false);
            default -> arrayOp(path, v, false);
        };
    }

    private ObjectNode arrayOp(ArrayNode path, JsonNode array, boolean root) {
        int len = array.size();
        int kind = rnd.nextInt(10);
        if (len == 0 || kind < 4) {
            ArrayNode values = MAPPER.createArrayNode();
            for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
                values.add(root ? primitiveOrList() : value(1));
            }
            ObjectNode op = op("arrayInsert", path).put("index", rnd.nextInt(len + 1));
            op.set("values", values);
            return op;
        }
        if (kind < 7) {
            int index = rnd.nextInt(len);
            return op("arrayDelete", path).put("index", index).put("len", 1 + rnd.nextInt(Math.min(3, len - index)));
        }
        if (root && kind == 7) {
            return op("arrayInsertType", path).put("index", rnd.nextInt(len + 1)).put("type", "map");
        }
        if (root) {
            // In the root array only nested Y.Maps are objects (plain values are primitives or lists).
            List<Integer> maps = new ArrayList<>();
            for (int i = 0; i < len; i++) {
                if (array.get(i).isObject()) {
                    maps.add(i);
                }
            }
            if (!maps.isEmpty()) {
                int i = maps.get(rnd.nextInt(maps.size()));
                return mapOp(path.deepCopy().add(i), array.get(i), false);
            }
        }
        int index = rnd.nextInt(len);
        return op("arrayDelete", path).put("index", index).put("len", 1);
    }

    private ObjectNode xmlOp(JsonNode tree) {
        List<ArrayNode> elements = new ArrayList<>();
        List<ArrayNode> texts = new ArrayList<>();
        List<String> textContents = new ArrayList<>();
        collect(tree, path("xml"), elements, texts, textContents, 0);
        int kind = rnd.nextInt(10);
        if (kind < 3 || (elements.isEmpty() && texts.isEmpty())) {
            ArrayNode parent = rnd.nextBoolean() || elements.isEmpty() ? path("xml") : pick(elements);
            int len = childCount(tree, parent);
            if (rnd.nextInt(3) == 0 && len > 0) {
                int index = rnd.nextInt(len);
                return op("xmlDelete", parent).put("index", index).put("len", 1);
            }
            return rnd.nextBoolean() && parent.size() < 4
                    ? op("xmlInsertElement", parent).put("index", rnd.nextInt(len + 1)).put("nodeName", NODE_NAMES[rnd.nextInt(NODE_NAMES.length)])
                    : op("xmlInsertText", parent).put("index", rnd.nextInt(len + 1)).put("text", chunk());
        }
        if (kind < 5 && !elements.isEmpty()) {
            return op("xmlSetAttribute", pick(elements)).put("key", "k" + rnd.nextInt(3)).put("value", "v" + rnd.nextInt(10));
        }
        if (texts.isEmpty()) {
            return null;
        }
        int i = rnd.nextInt(texts.size());
        return textOp(texts.get(i), textContents.get(i), true);
    }

    private static void collect(JsonNode children, ArrayNode at, List<ArrayNode> elements, List<ArrayNode> texts,
                                List<String> textContents, int depth) {
        for (int i = 0; i < children.size(); i++) {
            JsonNode node = children.get(i);
            ArrayNode p = at.deepCopy().add(i);
            if (node.has("element")) {
                elements.add(p);
                collect(node.path("children"), p, elements, texts, textContents, depth + 1);
            } else if (node.has("text")) {
                texts.add(p);
                textContents.add(deltaText(node.path("text")));
            }
        }
    }

    private static int childCount(JsonNode tree, ArrayNode path) {
        JsonNode children = tree;
        for (int i = 1; i < path.size(); i++) {
            children = children.get(path.get(i).asInt()).path("children");
        }
        return children.size();
    }

    /** The text of a delta, an embed counting as one placeholder unit (as in Yjs lengths). */
    private static String deltaText(JsonNode delta) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode d : delta) {
            sb.append(d.path("insert").isString() ? d.path("insert").asString() : "\uFFFC");
        }
        return sb.toString();
    }

    private int[] range(String text) {
        int from = boundary(text, rnd.nextInt(text.length()));
        int to = boundary(text, Math.min(text.length(), from + 1 + rnd.nextInt(Math.min(8, text.length() - from))));
        if (to <= from) {
            to = Math.min(text.length(), from + Character.charCount(text.codePointAt(from)));
        }
        return new int[] {from, to - from};
    }

    /** Moves an index off the middle of a surrogate pair. */
    private static int boundary(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }

    private String chunk() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
            sb.append(CHUNKS[rnd.nextInt(CHUNKS.length)]);
        }
        return sb.toString();
    }

    private ObjectNode attrs() {
        ObjectNode a = MAPPER.createObjectNode();
        switch (rnd.nextInt(5)) {
            case 0 -> a.put("bold", true);
            case 1 -> a.putNull("bold");
            case 2 -> a.put("italic", true);
            case 3 -> a.put("color", rnd.nextBoolean() ? "red" : "blue");
            default -> {
                a.put("bold", true);
                // Note: ywasm writes several format attributes in its own hash order, yjs in insertion order.
                a.put("italic", true);
            }
        }
        return a;
    }

    private JsonNode primitiveOrList() {
        return rnd.nextInt(5) == 0 ? MAPPER.createArrayNode().add(rnd.nextInt(10)).add("l") : primitive();
    }

    private JsonNode primitive() {
        return switch (rnd.nextInt(6)) {
            case 0 -> MAPPER.getNodeFactory().numberNode(rnd.nextInt(2000) - 1000);
            case 1 -> MAPPER.getNodeFactory().numberNode(rnd.nextInt(1000) / 8.0 + 0.5);
            case 2 -> MAPPER.getNodeFactory().booleanNode(rnd.nextBoolean());
            case 3 -> MAPPER.getNodeFactory().nullNode();
            default -> MAPPER.getNodeFactory().stringNode(chunk());
        };
    }

    private JsonNode value(int depth) {
        if (depth > 0 && rnd.nextInt(4) == 0) {
            ObjectNode o = MAPPER.createObjectNode();
            o.set("n", value(depth - 1));
            o.set("list", MAPPER.createArrayNode().add(primitive()).add(primitive()));
            return o;
        }
        return primitive();
    }

    private ArrayNode pick(List<ArrayNode> paths) {
        return paths.get(rnd.nextInt(paths.size()));
    }

    private static ArrayNode path(String root) {
        return MAPPER.createArrayNode().add(root);
    }

    private static ObjectNode op(String kind, ArrayNode path) {
        ObjectNode op = MAPPER.createObjectNode().put("kind", kind);
        op.set("path", path.deepCopy());
        return op;
    }
}
