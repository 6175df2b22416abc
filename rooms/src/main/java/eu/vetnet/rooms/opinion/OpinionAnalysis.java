package eu.vetnet.rooms.opinion;

import eu.vetnet.rooms.opinion.OpinionMap.Division;
import eu.vetnet.rooms.opinion.OpinionMap.Group;
import eu.vetnet.rooms.opinion.OpinionMap.Point;
import eu.vetnet.rooms.opinion.OpinionMap.Standing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hipparchus.clustering.CentroidCluster;
import org.hipparchus.clustering.Clusterable;
import org.hipparchus.clustering.KMeansPlusPlusClusterer;
import org.hipparchus.clustering.MultiKMeansPlusPlusClusterer;
import org.hipparchus.clustering.distance.EuclideanDistance;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.random.Well19937c;

/**
 * Computes the opinion map from a vote matrix (docs/dialogue.md, "Statements and the opinion map"), as Pol.is does in
 * outline: people who voted on enough statements are placed on the first two principal components of their centred
 * votes (a vote not cast counts as the statement's mean, so it pulls nowhere), k-means groups them there (k from 2 to
 * 5, the one with the best mean silhouette, none below {@link #MIN_SILHOUETTE}: then everyone is one group), and each
 * statement's smoothed shares of agreement per group say what sets a group apart, what divides the groups and what
 * unites them. Deterministic: fixed seeds, so the same votes draw the same map on every server.
 */
public final class OpinionAnalysis {

    /** Votes a person needs to join the map, as Pol.is asks (or all the statements, while there are fewer). */
    public static final int MIN_VOTES = 7;
    static final int MAX_GROUPS = 5;
    /** Below this mean silhouette the groups k-means draws are not there: everyone is one group. */
    static final double MIN_SILHOUETTE = 0.2;
    /** The share every group must reach for a statement to unite them. */
    static final double CONSENSUS = 0.6;
    /** The gap between the most and the least agreeing group for a statement to divide them. */
    static final double DIVIDES = 0.3;
    static final int LISTED = 5;

    private OpinionAnalysis() {
    }

    /** Votes a person needs to join the map of {@code m}. */
    static int minVotes(VoteMatrix m) {
        return Math.max(1, Math.min(MIN_VOTES, m.statements().size()));
    }

    /** The people on the map, as indexes into {@code m}'s voters, in the order of its points. */
    static List<Integer> onMap(VoteMatrix m) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < m.voters().size(); i++) {
            if (m.votesOf(i) >= minVotes(m)) {
                out.add(i);
            }
        }
        return out;
    }

    /** The same map with {@code you} marked among its points ({@code pointVoters}: whose each point is). */
    public static OpinionMap forViewer(OpinionMap map, List<String> pointVoters, String you) {
        List<Point> points = new ArrayList<>();
        for (int p = 0; p < map.points().size(); p++) {
            Point pt = map.points().get(p);
            points.add(new Point(pt.x(), pt.y(), pt.group(), pointVoters.get(p).equals(you)));
        }
        return new OpinionMap(map.minVotes(), map.waiting(), points, map.groups(), map.consensus(), map.divisive());
    }

    /** Whose each point of {@code m}'s map is, by user id. */
    public static List<String> pointVoters(VoteMatrix m) {
        return onMap(m).stream().map(m.voters()::get).toList();
    }

    public static OpinionMap compute(VoteMatrix m, String you) {
        int statements = m.statements().size();
        int minVotes = minVotes(m);
        List<Integer> onMap = onMap(m);
        int waiting = 0;
        for (int i = 0; i < m.voters().size(); i++) {
            int n = m.votesOf(i);
            if (n > 0 && n < minVotes) {
                waiting++;
            }
        }
        if (onMap.isEmpty() || statements == 0) {
            return new OpinionMap(minVotes, waiting, List.of(), List.of(), List.of(), List.of());
        }
        double[][] xy = project(m, onMap);
        int[] group = groups(xy);
        int groupCount = Arrays.stream(group).max().orElse(0) + 1;
        int[][] agree = new int[groupCount][statements];
        int[][] disagree = new int[groupCount][statements];
        int[][] voted = new int[groupCount][statements];
        for (int p = 0; p < onMap.size(); p++) {
            double[] row = m.votes()[onMap.get(p)];
            for (int j = 0; j < statements; j++) {
                if (!Double.isNaN(row[j])) {
                    voted[group[p]][j]++;
                    if (row[j] > 0) {
                        agree[group[p]][j]++;
                    } else if (row[j] < 0) {
                        disagree[group[p]][j]++;
                    }
                }
            }
        }
        Shares shares = new Shares(agree, disagree, voted);
        List<Point> points = new ArrayList<>();
        for (int p = 0; p < onMap.size(); p++) {
            points.add(new Point(xy[p][0], xy[p][1], group[p], m.voters().get(onMap.get(p)).equals(you)));
        }
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            int size = 0;
            for (int x : group) {
                size += x == g ? 1 : 0;
            }
            groups.add(new Group(String.valueOf((char) ('A' + g)), size, groupCount > 1 ? represents(m, shares, g) : List.of()));
        }
        return new OpinionMap(minVotes, waiting, points, groups, consensus(m, shares), groupCount > 1 ? divisive(m, shares) : List.of());
    }

    /**
     * Each person's place on the first two principal components of the centred vote matrix (singular value
     * decomposition), scaled into [-1, 1]. A component's sign is fixed so its largest loading is positive.
     */
    static double[][] project(VoteMatrix m, List<Integer> onMap) {
        int n = onMap.size();
        int s = m.statements().size();
        double[] mean = new double[s];
        for (int j = 0; j < s; j++) {
            double sum = 0;
            int c = 0;
            for (int i : onMap) {
                double v = m.votes()[i][j];
                if (!Double.isNaN(v)) {
                    sum += v;
                    c++;
                }
            }
            mean[j] = c == 0 ? 0 : sum / c;
        }
        double[][] centred = new double[n][s];
        for (int p = 0; p < n; p++) {
            for (int j = 0; j < s; j++) {
                double v = m.votes()[onMap.get(p)][j];
                centred[p][j] = Double.isNaN(v) ? 0 : v - mean[j];
            }
        }
        double[][] xy = new double[n][2];
        RealMatrix x = MatrixUtils.createRealMatrix(centred);
        SingularValueDecomposition svd = new SingularValueDecomposition(x);
        RealMatrix v = svd.getV();
        double[] sigma = svd.getSingularValues();
        for (int c = 0; c < 2 && c < v.getColumnDimension() && sigma[c] > 1e-9; c++) {
            double[] axis = v.getColumn(c);
            int largest = 0;
            for (int j = 1; j < axis.length; j++) {
                if (Math.abs(axis[j]) > Math.abs(axis[largest]) + 1e-12) {
                    largest = j;
                }
            }
            double sign = axis[largest] < 0 ? -1 : 1;
            for (int p = 0; p < n; p++) {
                double dot = 0;
                for (int j = 0; j < s; j++) {
                    dot += centred[p][j] * axis[j];
                }
                xy[p][c] = sign * dot;
            }
        }
        double scale = 0;
        for (double[] p : xy) {
            scale = Math.max(scale, Math.max(Math.abs(p[0]), Math.abs(p[1])));
        }
        if (scale > 0) {
            for (double[] p : xy) {
                p[0] /= scale;
                p[1] /= scale;
            }
        }
        return xy;
    }

    /** A person on the map, by index; identity equality, so people who voted alike stay apart. */
    private record Person(int index, double[] getPoint) implements Clusterable {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Each person's group, groups numbered by size (largest first). */
    static int[] groups(double[][] xy) {
        int n = xy.length;
        int[] one = new int[n];
        Set<String> distinct = new HashSet<>();
        for (double[] p : xy) {
            distinct.add(Math.round(p[0] * 1e6) + ":" + Math.round(p[1] * 1e6));
        }
        if (n < 4 || distinct.size() < 2) {
            return one;
        }
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(new Person(i, xy[i]));
        }
        int[] best = one;
        double bestScore = MIN_SILHOUETTE;
        for (int k = 2; k <= Math.min(MAX_GROUPS, Math.min(distinct.size(), n / 2)); k++) {
            List<CentroidCluster<Person>> clusters;
            try {
                KMeansPlusPlusClusterer<Person> kMeans = new KMeansPlusPlusClusterer<>(k, 100, new EuclideanDistance(),
                        new Well19937c(2026L + k));
                clusters = new ArrayList<>(new MultiKMeansPlusPlusClusterer<>(kMeans, 4).cluster(people));
            } catch (RuntimeException tooFewDistinct) {
                continue;
            }
            int[] label = new int[n];
            clusters.sort(Comparator.comparingInt((CentroidCluster<Person> c) -> -c.getPoints().size())
                    .thenComparingDouble(c -> c.getCenter().getPoint()[0]));
            for (int c = 0; c < clusters.size(); c++) {
                for (Person p : clusters.get(c).getPoints()) {
                    label[p.index()] = c;
                }
            }
            double score = silhouette(xy, label, clusters.size());
            if (score > bestScore + 1e-9) {
                bestScore = score;
                best = label;
            }
        }
        return best;
    }

    /** The mean silhouette of a grouping: how much nearer each person is to their own group than to the next one. */
    static double silhouette(double[][] xy, int[] label, int k) {
        int n = xy.length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    sum[label[j]] += Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
                    count[label[j]]++;
                }
            }
            if (count[label[i]] == 0) {
                continue; // alone in its group: 0 by convention
            }
            double a = sum[label[i]] / count[label[i]];
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != label[i] && count[c] > 0) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            double max = Math.max(a, b);
            total += max == 0 || b == Double.MAX_VALUE ? 0 : (b - a) / max;
        }
        return total / n;
    }

    /** Per group and statement: agreements, disagreements and votes (passes included), and smoothed shares. */
    private record Shares(int[][] agree, int[][] disagree, int[][] voted) {
        int groups() {
            return agree.length;
        }

        /** (a + 1) / (n + 2): a statement few voted on is not read as unanimous. */
        double agreeShare(int g, int j) {
            return (agree[g][j] + 1.0) / (voted[g][j] + 2.0);
        }

        double disagreeShare(int g, int j) {
            return (disagree[g][j] + 1.0) / (voted[g][j] + 2.0);
        }

        double restAgree(int g, int j) {
            return restShare(agree, g, j);
        }

        double restDisagree(int g, int j) {
            return restShare(disagree, g, j);
        }

        /** The smoothed share of {@code counts} among everyone outside group {@code g}. */
        private double restShare(int[][] counts, int g, int j) {
            int c = 0;
            int n = 0;
            for (int o = 0; o < groups(); o++) {
                if (o != g) {
                    c += counts[o][j];
                    n += voted[o][j];
                }
            }
            return (c + 1.0) / (n + 2.0);
        }

        Standing standing(VoteMatrix m, int g, int j, String direction) {
            double n = Math.max(1, voted[g][j]);
            return new Standing(m.statements().get(j).id(), m.statements().get(j).text(), direction, agree[g][j] / n, disagree[g][j] / n);
        }
    }

    /** What sets group {@code g} apart: statements it agrees (or disagrees) with, by a majority, more than the rest do. */
    private static List<Standing> represents(VoteMatrix m, Shares s, int g) {
        record Candidate(int statement, String direction, double score) {
        }
        List<Candidate> found = new ArrayList<>();
        for (int j = 0; j < m.statements().size(); j++) {
            if (s.voted()[g][j] == 0) {
                continue;
            }
            double agreeRatio = s.agreeShare(g, j) / s.restAgree(g, j);
            double disagreeRatio = s.disagreeShare(g, j) / s.restDisagree(g, j);
            if (agreeRatio >= disagreeRatio && s.agreeShare(g, j) > 0.5 && agreeRatio > 1) {
                found.add(new Candidate(j, "agree", agreeRatio * s.agreeShare(g, j)));
            } else if (disagreeRatio > agreeRatio && s.disagreeShare(g, j) > 0.5 && disagreeRatio > 1) {
                found.add(new Candidate(j, "disagree", disagreeRatio * s.disagreeShare(g, j)));
            }
        }
        found.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::statement));
        return found.stream().limit(3).map(c -> s.standing(m, g, c.statement(), c.direction())).toList();
    }

    /** Statements every group agrees with (or every group rejects), by their weakest group's share. */
    private static List<Standing> consensus(VoteMatrix m, Shares s) {
        record Candidate(int statement, String direction, double weakest, int weakestGroup) {
        }
        List<Candidate> found = new ArrayList<>();
        for (int j = 0; j < m.statements().size(); j++) {
            double minAgree = 1;
            double minDisagree = 1;
            int agreeGroup = 0;
            int disagreeGroup = 0;
            boolean everyGroupVoted = true;
            for (int g = 0; g < s.groups(); g++) {
                everyGroupVoted &= s.voted()[g][j] > 0;
                if (s.agreeShare(g, j) < minAgree) {
                    minAgree = s.agreeShare(g, j);
                    agreeGroup = g;
                }
                if (s.disagreeShare(g, j) < minDisagree) {
                    minDisagree = s.disagreeShare(g, j);
                    disagreeGroup = g;
                }
            }
            if (!everyGroupVoted) {
                continue;
            }
            if (minAgree >= CONSENSUS) {
                found.add(new Candidate(j, "agree", minAgree, agreeGroup));
            } else if (minDisagree >= CONSENSUS) {
                found.add(new Candidate(j, "disagree", minDisagree, disagreeGroup));
            }
        }
        found.sort(Comparator.comparingDouble(Candidate::weakest).reversed().thenComparingInt(Candidate::statement));
        return found.stream().limit(LISTED).map(c -> s.standing(m, c.weakestGroup(), c.statement(), c.direction())).toList();
    }

    /** Statements the groups answer most differently: the gap between the most and the least agreeing group. */
    private static List<Division> divisive(VoteMatrix m, Shares s) {
        record Candidate(int statement, double gap) {
        }
        List<Candidate> found = new ArrayList<>();
        for (int j = 0; j < m.statements().size(); j++) {
            double max = 0;
            double min = 1;
            for (int g = 0; g < s.groups(); g++) {
                max = Math.max(max, s.agreeShare(g, j));
                min = Math.min(min, s.agreeShare(g, j));
            }
            if (max - min >= DIVIDES) {
                found.add(new Candidate(j, max - min));
            }
        }
        found.sort(Comparator.comparingDouble(Candidate::gap).reversed().thenComparingInt(Candidate::statement));
        List<Division> out = new ArrayList<>();
        for (Candidate c : found.subList(0, Math.min(LISTED, found.size()))) {
            List<Double> byGroup = new ArrayList<>();
            for (int g = 0; g < s.groups(); g++) {
                byGroup.add(s.voted()[g][c.statement()] == 0 ? null : (double) s.agree()[g][c.statement()] / s.voted()[g][c.statement()]);
            }
            VoteMatrix.Statement st = m.statements().get(c.statement());
            out.add(new Division(st.id(), st.text(), byGroup));
        }
        return out;
    }
}
