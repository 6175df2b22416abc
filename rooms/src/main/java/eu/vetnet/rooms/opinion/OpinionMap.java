package eu.vetnet.rooms.opinion;

import java.util.List;

/**
 * The opinion map of a room's statements (docs/dialogue.md, "Statements and the opinion map"): where each person who
 * voted enough sits on the first two principal components of the vote matrix, the opinion groups k-means finds there,
 * what each group stands for, what divides the groups and what unites them all.
 *
 * @param minVotes votes a person needs to join the map
 * @param waiting people who voted, but not enough yet
 * @param points one per person on the map, anonymous; {@code you} marks the person who asked
 */
public record OpinionMap(int minVotes, int waiting, List<Point> points, List<Group> groups, List<Standing> consensus,
        List<Division> divisive) {

    public record Point(double x, double y, int group, boolean you) {
    }

    /** A group, labelled A, B, C... by size, and the statements that set it apart from the others. */
    public record Group(String label, int size, List<Standing> represents) {
    }

    /**
     * Where people stand on a statement: {@code direction} agree or disagree, and the shares of agreement and
     * disagreement (of those who voted on it, passes included) in the group or, for consensus, in the lowest group.
     */
    public record Standing(String statement, String text, String direction, double agree, double disagree) {
    }

    /** A statement the groups answer differently: each group's share of agreement, in the groups' order. */
    public record Division(String statement, String text, List<Double> agreeByGroup) {
    }
}
