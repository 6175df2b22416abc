package eu.vetnet.rooms.opinion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The opinion map on fixed vote matrices whose groups and consensus are known by construction, its first axis against
 * an independent reference (the leading eigenvector of the vote covariance), and its cost at 200 voters x 100
 * statements.
 */
class OpinionAnalysisTests {

    private static final double A = 1;
    private static final double D = -1;
    private static final double P = 0;
    private static final double N = Double.NaN;

    private static List<VoteMatrix.Statement> statements(int n) {
        List<VoteMatrix.Statement> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            out.add(new VoteMatrix.Statement(String.format("s%02d", j), "statement " + j));
        }
        return out;
    }

    /** Two blocs of 12: s00-s04 bloc 1 agrees and bloc 2 disagrees, s05-s08 the other way round, s09 everyone agrees. */
    private static VoteMatrix twoBlocs(SplittableRandom noise) {
        List<String> voters = new ArrayList<>();
        double[][] votes = new double[24][10];
        for (int i = 0; i < 24; i++) {
            boolean first = i < 12;
            voters.add((first ? "a" : "b") + i);
            for (int j = 0; j < 10; j++) {
                double v = j == 9 ? A : (j < 5) == first ? A : D;
                // One vote in ten passed or not cast: real people do not vote on everything.
                int r = noise.nextInt(20);
                votes[i][j] = r == 0 ? P : r == 1 ? N : v;
            }
        }
        return new VoteMatrix(voters, statements(10), votes);
    }

    @Test
    void twoBlocsMakeTwoGroupsThatDivideOnTheirStatementsAndAgreeOnTheOneEveryoneAgreesWith() {
        VoteMatrix m = twoBlocs(new SplittableRandom(7));
        OpinionMap map = OpinionAnalysis.compute(m, "a0");
        assertEquals(2, map.groups().size(), map.toString());
        assertEquals(24, map.points().size());
        // Each bloc is one group: everyone of bloc a in one, everyone of bloc b in the other.
        Set<Integer> groupsOfA = new HashSet<>();
        Set<Integer> groupsOfB = new HashSet<>();
        for (int i = 0; i < 24; i++) {
            (i < 12 ? groupsOfA : groupsOfB).add(map.points().get(i).group());
        }
        assertEquals(1, groupsOfA.size());
        assertEquals(1, groupsOfB.size());
        assertTrue(!groupsOfA.equals(groupsOfB));
        assertEquals(List.of("s09"), map.consensus().stream().map(OpinionMap.Standing::statement).toList());
        assertEquals("agree", map.consensus().get(0).direction());
        Set<String> divisive = map.divisive().stream().map(OpinionMap.Division::statement).collect(Collectors.toSet());
        assertEquals(5, divisive.size(), "the five most divisive are listed");
        assertTrue(divisive.stream().noneMatch("s09"::equals));
        // Bloc a's group stands for agreeing with s00-s04 or disagreeing with s05-s08.
        int groupA = groupsOfA.iterator().next();
        for (OpinionMap.Standing s : map.groups().get(groupA).represents()) {
            int j = Integer.parseInt(s.statement().substring(1));
            assertEquals(j < 5 ? "agree" : "disagree", s.direction(), s.toString());
        }
        assertTrue(map.points().get(0).you());
        assertEquals(1, map.points().stream().filter(OpinionMap.Point::you).count());
    }

    @Test
    void oneDrawingServesEveryViewerWithTheirOwnPointMarked() {
        VoteMatrix m = twoBlocs(new SplittableRandom(7));
        OpinionMap shared = OpinionAnalysis.compute(m, null);
        assertTrue(shared.points().stream().noneMatch(OpinionMap.Point::you));
        for (String viewer : List.of("a0", "b13", "nobody")) {
            assertEquals(OpinionAnalysis.compute(m, viewer), OpinionAnalysis.forViewer(shared, OpinionAnalysis.pointVoters(m), viewer), viewer);
        }
        assertTrue(m.sameAs(twoBlocs(new SplittableRandom(7))));
        assertFalse(m.sameAs(twoBlocs(new SplittableRandom(8))));
    }

    @Test
    void threeBlocsMakeThreeGroups() {
        // Bloc 0 agrees with s00-s03, bloc 1 with s04-s07, bloc 2 with s08-s11; each disagrees with the rest.
        List<String> voters = new ArrayList<>();
        double[][] votes = new double[30][12];
        SplittableRandom noise = new SplittableRandom(11);
        for (int i = 0; i < 30; i++) {
            voters.add("v" + i);
            for (int j = 0; j < 12; j++) {
                votes[i][j] = noise.nextInt(15) == 0 ? P : j / 4 == i % 3 ? A : D;
            }
        }
        OpinionMap map = OpinionAnalysis.compute(new VoteMatrix(voters, statements(12), votes), "nobody");
        assertEquals(3, map.groups().size(), map.toString());
        for (int bloc = 0; bloc < 3; bloc++) {
            Set<Integer> groups = new HashSet<>();
            for (int i = bloc; i < 30; i += 3) {
                groups.add(map.points().get(i).group());
            }
            assertEquals(1, groups.size(), "bloc " + bloc + " is split over " + groups);
        }
        assertEquals(List.of(10, 10, 10), map.groups().stream().map(OpinionMap.Group::size).toList());
    }

    @Test
    void peopleJoinTheMapAfterSevenVotesOrAllStatementsWhileThereAreFewer() {
        double[][] votes = {
            {A, A, D, D, A, P, A, N, N, N},   // 7 votes: on the map
            {A, A, D, D, A, P, N, N, N, N},   // 6: waiting
            {A, D, A, D, A, D, A, D, A, D},
        };
        OpinionMap map = OpinionAnalysis.compute(new VoteMatrix(List.of("x", "y", "z"), statements(10), votes), "y");
        assertEquals(7, map.minVotes());
        assertEquals(2, map.points().size());
        assertEquals(1, map.waiting());
        assertTrue(map.points().stream().noneMatch(OpinionMap.Point::you), "y is not on the map yet");
        OpinionMap few = OpinionAnalysis.compute(new VoteMatrix(List.of("x", "y"), statements(3), new double[][] {{A, D, A}, {A, A, N}}), "x");
        assertEquals(3, few.minVotes());
        assertEquals(1, few.points().size());
    }

    @Test
    void everyoneAlikeIsOneGroupAndEverythingIsConsensus() {
        double[][] votes = new double[10][8];
        for (double[] row : votes) {
            Arrays.fill(row, A);
            row[7] = D;
        }
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            voters.add("p" + i);
        }
        OpinionMap map = OpinionAnalysis.compute(new VoteMatrix(voters, statements(8), votes), "p0");
        assertEquals(1, map.groups().size());
        assertEquals(5, map.consensus().size());
        assertTrue(map.divisive().isEmpty());
        OpinionMap none = OpinionAnalysis.compute(new VoteMatrix(List.of(), statements(3), new double[0][]), "p0");
        assertTrue(none.points().isEmpty() && none.groups().isEmpty());
    }

    @Test
    void theFirstAxisIsTheLeadingEigenvectorOfTheVoteCovariance() {
        // The reference: an eigendecomposition of X^T X (a different algorithm from the map's SVD), projected by hand.
        VoteMatrix m = twoBlocs(new SplittableRandom(3));
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < m.voters().size(); i++) {
            all.add(i);
        }
        double[][] xy = OpinionAnalysis.project(m, all);
        double[][] centred = new double[24][10];
        for (int j = 0; j < 10; j++) {
            double sum = 0;
            int c = 0;
            for (int i = 0; i < 24; i++) {
                if (!Double.isNaN(m.votes()[i][j])) {
                    sum += m.votes()[i][j];
                    c++;
                }
            }
            for (int i = 0; i < 24; i++) {
                centred[i][j] = Double.isNaN(m.votes()[i][j]) ? 0 : m.votes()[i][j] - sum / c;
            }
        }
        RealMatrix x = MatrixUtils.createRealMatrix(centred);
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(x.transpose().multiply(x));
        double[] values = eigen.getEigenvalues();
        int leading = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[leading]) {
                leading = k;
            }
        }
        double[] axis = eigen.getEigenvector(leading).toArray();
        double[] reference = x.operate(axis);
        // Same direction up to sign and scale: |cos| = 1.
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < 24; i++) {
            dot += reference[i] * xy[i][0];
            a += reference[i] * reference[i];
            b += xy[i][0] * xy[i][0];
        }
        assertEquals(1.0, Math.abs(dot) / Math.sqrt(a * b), 1e-9);
    }

    @Test
    void costAt200VotersAnd100Statements() {
        // Three camps with noise and gaps, as a long dialogue has them; timed after warming up (median of 9 runs). (Four
        // camps alike would sit on a tetrahedron, whose 2-D projection can lay two of them over each other, in Pol.is too.)
        SplittableRandom rng = new SplittableRandom(2026);
        List<String> voters = new ArrayList<>();
        double[][] votes = new double[200][100];
        for (int i = 0; i < 200; i++) {
            voters.add("v" + i);
            int camp = i % 3;
            for (int j = 0; j < 100; j++) {
                int r = rng.nextInt(10);
                votes[i][j] = r < 2 ? N : r == 2 ? P : (j % 3 == camp) != (rng.nextInt(6) == 0) ? A : D;
            }
        }
        VoteMatrix m = new VoteMatrix(voters, statements(100), votes);
        for (int warm = 0; warm < 5; warm++) {
            OpinionAnalysis.compute(m, "v0");
        }
        long[] ms = new long[9];
        OpinionMap map = null;
        for (int run = 0; run < ms.length; run++) {
            long t0 = System.nanoTime();
            map = OpinionAnalysis.compute(m, "v0");
            ms[run] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf("opinion map, 200 voters x 100 statements: median %d ms (min %d, max %d), %d groups%n",
                ms[4], ms[0], ms[8], map.groups().size());
        assertEquals(200, map.points().size());
        assertEquals(3, map.groups().size(), map.groups().toString());
        // A live map is redrawn after each burst of votes: a second would be felt. The figure itself is printed above.
        assertTrue(ms[4] < 1000, "median " + ms[4] + " ms");
    }
}
