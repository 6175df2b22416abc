package eu.vetnet.rooms.opinion;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.rooms.policy.Policies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the vote matrix from the workshop document's root map {@code statements} (docs/rooms.md, "Document schemas"):
 * statement id -> {text, owner, votes: user id -> 1 | -1 | 0, status}. A statement the facilitator hid is left out.
 * Read on the room's lane; the matrix is a copy, computed on elsewhere.
 */
public final class Statements {

    public static final String ROOT = "statements";
    public static final String HIDDEN = "hidden";

    private Statements() {
    }

    public static VoteMatrix read(YDoc workshop) {
        YMap root = Policies.rootMap(workshop, ROOT);
        if (root == null) {
            return new VoteMatrix(List.of(), List.of(), new double[0][]);
        }
        Map<String, YMap> shown = new TreeMap<>();
        for (Map.Entry<String, Object> e : root.entries().entrySet()) {
            if (e.getValue() instanceof YMap s && !HIDDEN.equals(s.get("status"))) {
                shown.put(e.getKey(), s);
            }
        }
        TreeSet<String> voters = new TreeSet<>();
        for (YMap s : shown.values()) {
            if (s.get("votes") instanceof YMap votes) {
                voters.addAll(votes.keys());
            }
        }
        List<String> voterList = new ArrayList<>(voters);
        List<VoteMatrix.Statement> statements = new ArrayList<>();
        double[][] matrix = new double[voterList.size()][shown.size()];
        for (double[] row : matrix) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        int j = 0;
        for (Map.Entry<String, YMap> e : shown.entrySet()) {
            statements.add(new VoteMatrix.Statement(e.getKey(), String.valueOf(e.getValue().get("text") == null ? "" : e.getValue().get("text"))));
            if (e.getValue().get("votes") instanceof YMap votes) {
                for (int i = 0; i < voterList.size(); i++) {
                    if (votes.get(voterList.get(i)) instanceof Number n) {
                        matrix[i][j] = Math.signum(n.doubleValue());
                    }
                }
            }
            j++;
        }
        return new VoteMatrix(voterList, statements, matrix);
    }
}
