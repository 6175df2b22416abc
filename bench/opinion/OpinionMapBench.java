import eu.vetnet.rooms.opinion.OpinionAnalysis;
import eu.vetnet.rooms.opinion.VoteMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The room server's opinion map (rooms/opinion/OpinionAnalysis, Hipparchus) timed on a vote matrix file, for
 * bench/opinion-map.sh. Run as a single-file program on the rooms module's classpath.
 * Prints: "hipparchus <median ms> <min> <max> <groups>".
 */
public class OpinionMapBench {

    public static void main(String[] args) throws Exception {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                rows.add(Arrays.stream(line.trim().split("\\s+")).mapToDouble(v -> v.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(v)).toArray());
            }
        }
        int runs = Integer.parseInt(args[1]);
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            voters.add("v" + i);
        }
        List<VoteMatrix.Statement> statements = new ArrayList<>();
        for (int j = 0; j < rows.get(0).length; j++) {
            statements.add(new VoteMatrix.Statement("s" + j, "statement " + j));
        }
        VoteMatrix m = new VoteMatrix(voters, statements, rows.toArray(double[][]::new));
        for (int warm = 0; warm < 10; warm++) {
            OpinionAnalysis.compute(m, "v0");
        }
        double[] ms = new double[runs];
        int groups = 0;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            groups = OpinionAnalysis.compute(m, "v0").groups().size();
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("hipparchus %.1f %.1f %.1f %d%n", ms[runs / 2], ms[0], ms[runs - 1], groups);
    }
}
