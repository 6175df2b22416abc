package eu.vetnet.rooms.opinion;

import java.util.Arrays;
import java.util.List;

/**
 * Who voted what on which statement: {@code votes[voter][statement]} is 1 (agree), -1 (disagree), 0 (pass) or
 * {@link Double#NaN} (not voted). Statements carry their text for the map's lists.
 */
public record VoteMatrix(List<String> voters, List<Statement> statements, double[][] votes) {

    /** A statement put to the room, by its id and words. */
    public record Statement(String id, String text) {
    }

    public VoteMatrix {
        voters = List.copyOf(voters);
        statements = List.copyOf(statements);
        if (votes.length != voters.size()) {
            throw new IllegalArgumentException(votes.length + " rows of votes for " + voters.size() + " voters");
        }
        for (double[] row : votes) {
            if (row.length != statements.size()) {
                throw new IllegalArgumentException("a row of " + row.length + " votes for " + statements.size() + " statements");
            }
        }
    }

    /** Whether {@code other} holds the same voters, statements and votes (the record's equals compares arrays by identity). */
    boolean sameAs(VoteMatrix other) {
        return other != null && voters.equals(other.voters) && statements.equals(other.statements) && Arrays.deepEquals(votes, other.votes);
    }

    /** How many statements {@code voter} voted on (agree, disagree or pass). */
    int votesOf(int voter) {
        int n = 0;
        for (double v : votes[voter]) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }
}
