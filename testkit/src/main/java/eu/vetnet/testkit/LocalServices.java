package eu.vetnet.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure a real service runs, by asking the project's launcher ({@code deploy/services.sh start NAME}),
 * the same one {@code ./vetnet} and CI use. The launcher is idempotent: a healthy instance is reused, so
 * tests that run under {@code ./vetnet test} find their services already up and pay nothing.
 *
 * <p>Services started here are left running when the JVM exits: the caller that owns the run
 * ({@code ./vetnet test}) stops them; a plain {@code mvn verify} leaves them for the next run
 * ({@code ./vetnet services stop} stops them).
 */
public final class LocalServices {

    /** System property with the repository root; failsafe sets it from the root pom. */
    public static final String ROOT_PROPERTY = "vetnet.root";
    /** System property with the launcher's state folder, passed on as VETNET_HOME unless that is set already. */
    public static final String HOME_PROPERTY = "vetnet.home";

    static final String LAUNCHER = "deploy/services.sh";
    private static final long LAUNCHER_TIMEOUT_MINUTES = 12;

    private static final Map<Service, ServiceAddress> RUNNING = new EnumMap<>(Service.class);

    private LocalServices() {
    }

    /** Starts the service unless it already runs (once per JVM), and returns where it listens. */
    public static synchronized ServiceAddress ensureRunning(Service service) {
        ServiceAddress address = RUNNING.get(service);
        if (address == null) {
            runLauncher(repositoryRoot(), "start", service.launcherName());
            address = service.address();
            RUNNING.put(service, address);
        }
        return address;
    }

    /** The repository root: the {@value #ROOT_PROPERTY} property, else the nearest folder above the working directory that holds the launcher. */
    public static Path repositoryRoot() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            // Maven may set it to a module folder when run from inside one: look upwards from there.
            return findRootAbove(Path.of(configured).toAbsolutePath());
        }
        return findRootAbove(Path.of("").toAbsolutePath());
    }

    static Path findRootAbove(Path start) {
        for (Path dir = start.normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(LAUNCHER))) {
                return dir;
            }
        }
        throw new TestkitException("no " + LAUNCHER + " in " + start + " or above: run the tests from the vetnet checkout, or set -D"
                + ROOT_PROPERTY + "=<checkout>");
    }

    private static void runLauncher(Path root, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(root.resolve(LAUNCHER).toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        String home = System.getProperty(HOME_PROPERTY);
        if (System.getenv("VETNET_HOME") == null && home != null && !home.isBlank()) {
            builder.environment().put("VETNET_HOME", home);
        }
        StringBuilder output = new StringBuilder();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    // Echoed so the test log shows the readiness time or why it failed.
                    System.out.println("[services.sh] " + line);
                    output.append(line).append('\n');
                }
            }
            if (!process.waitFor(LAUNCHER_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new TestkitException(String.join(" ", command) + " did not finish within " + LAUNCHER_TIMEOUT_MINUTES + " min");
            }
            if (process.exitValue() != 0) {
                throw new TestkitException(String.join(" ", command) + " failed with exit code " + process.exitValue()
                        + ":\n" + output + "Fix the cause above, or start it by hand: ./vetnet services start " + arguments[arguments.length - 1]);
            }
        } catch (IOException e) {
            throw new TestkitException("could not run " + String.join(" ", command) + " (is bash installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted while waiting for " + String.join(" ", command), e);
        }
    }
}
