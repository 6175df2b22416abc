package eu.vetnet.hosts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hosts on one Linux machine: a network namespace per host, each with its own address on a bridge ({@link #BRIDGE}),
 * joined to it by a veth pair; this process stays in the machine's own namespace and reaches every host through the
 * bridge's address. Partitions are nftables rules inside one host's namespace, so a cut connection goes silent (packets
 * dropped, no reset), as when a switch or a link fails. Needs root, iproute2 and nftables.
 */
final class Network implements AutoCloseable {

    static final String BRIDGE = "vnbr0";
    static final String SUBNET = "10.77.0";
    private static final String NAMESPACE_PREFIX = "vn-";
    private static final String FAULT_TABLE = "vetnet_fault";

    private final List<String> namespaces = new ArrayList<>();

    /** Removes what an earlier run left (namespaces named vn-*, the bridge), then makes the bridge. */
    static Network create() throws IOException {
        removeLeftovers();
        run("ip", "link", "add", BRIDGE, "type", "bridge");
        run("ip", "addr", "add", SUBNET + ".1/24", "dev", BRIDGE);
        run("ip", "link", "set", BRIDGE, "up");
        return new Network();
    }

    /** A new host: namespace {@code vn-<name>}, address {@code 10.77.0.<octet>}; returns the address. */
    String addHost(String name, int octet) throws IOException {
        String ns = namespace(name);
        String outside = "vh-" + name;
        String inside = "vp-" + name;
        run("ip", "netns", "add", ns);
        namespaces.add(ns);
        run("ip", "link", "add", outside, "type", "veth", "peer", "name", inside);
        run("ip", "link", "set", inside, "netns", ns);
        run("ip", "link", "set", outside, "master", BRIDGE);
        run("ip", "link", "set", outside, "up");
        String address = SUBNET + "." + octet;
        inNamespace(name, "ip", "link", "set", "lo", "up");
        inNamespace(name, "ip", "link", "set", inside, "name", "eth0");
        inNamespace(name, "ip", "addr", "add", address + "/24", "dev", "eth0");
        inNamespace(name, "ip", "link", "set", "eth0", "up");
        return address;
    }

    static String namespace(String host) {
        return NAMESPACE_PREFIX + host;
    }

    /** The command that runs {@code command} inside the host's namespace ({@code null}: this machine's own). */
    static List<String> inside(String host, List<String> command) {
        if (host == null) {
            return command; // the machine's own namespace
        }
        List<String> out = new ArrayList<>(List.of("ip", "netns", "exec", namespace(host)));
        out.addAll(command);
        return out;
    }

    /**
     * Drops every packet between {@code host} and {@code peer} (both directions, filtered in the host's namespace):
     * established connections go silent, new ones time out.
     */
    void partition(String host, String peer) throws IOException {
        String rules = "table inet " + FAULT_TABLE + " {\n"
                + "  chain in { type filter hook input priority 0; ip saddr " + peer + " drop; }\n"
                + "  chain out { type filter hook output priority 0; ip daddr " + peer + " drop; }\n"
                + "}\n";
        runWithInput(rules, inside(host, List.of("nft", "-f", "-")));
    }

    /** Ends {@link #partition}. */
    void heal(String host) throws IOException {
        inNamespace(host, "nft", "delete", "table", "inet", FAULT_TABLE);
    }

    private static void inNamespace(String host, String... command) throws IOException {
        run(inside(host, List.of(command)).toArray(String[]::new));
    }

    @Override
    public void close() {
        for (String ns : namespaces) {
            quietly("ip", "netns", "delete", ns);
        }
        quietly("ip", "link", "delete", BRIDGE);
    }

    private static void removeLeftovers() throws IOException {
        for (String line : output("ip", "netns", "list").split("\n")) {
            String ns = line.split(" ")[0].trim();
            if (ns.startsWith(NAMESPACE_PREFIX)) {
                // An earlier run that was killed left its servers running in there.
                for (String pid : output("ip", "netns", "pids", ns).split("\\s+")) {
                    if (!pid.isBlank()) {
                        quietly("kill", "-9", pid.trim());
                    }
                }
                quietly("ip", "netns", "delete", ns);
            }
        }
        // A namespace whose processes outlived it keeps its veth pair: remove this machine's ends by name.
        for (String line : output("ip", "-o", "link", "show").split("\n")) {
            String[] fields = line.split(":\\s+");
            if (fields.length > 1 && fields[1].startsWith("vh-")) {
                quietly("ip", "link", "delete", fields[1].split("@")[0]);
            }
        }
        quietly("ip", "link", "delete", BRIDGE);
    }

    static void run(String... command) throws IOException {
        runWithInput(null, List.of(command));
    }

    private static void runWithInput(String input, List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }

    private static String output(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    private static void quietly(String... command) {
        try {
            run(command);
        } catch (IOException e) {
            // already gone
        }
    }
}
