package eu.vetnet.testkit;

/** A real service that deploy/services.sh can start on this machine. */
public enum Service {

    REDIS("redis", "127.0.0.1", 6379),
    CASSANDRA("cassandra", "127.0.0.1", 9042),
    /** Host "localhost": the launcher pins Keycloak's issuer to http://localhost:PORT. */
    KEYCLOAK("keycloak", "localhost", 8180);

    private final String launcherName;
    private final String host;
    private final int defaultPort;

    Service(String launcherName, String host, int defaultPort) {
        this.launcherName = launcherName;
        this.host = host;
        this.defaultPort = defaultPort;
    }

    /** The name deploy/services.sh knows the service by. */
    public String launcherName() {
        return launcherName;
    }

    /** The environment variable that moves the service to another port, for the launcher and for us alike. */
    public String portVariable() {
        return "VETNET_" + name() + "_PORT";
    }

    /** Where the launcher makes the service listen, given the environment this JVM was started with. */
    public ServiceAddress address() {
        String port = System.getenv(portVariable());
        try {
            return new ServiceAddress(host, port == null || port.isBlank() ? defaultPort : Integer.parseInt(port.trim()));
        } catch (NumberFormatException e) {
            throw new TestkitException(portVariable() + " must be a port number, not '" + port + "'", e);
        }
    }
}
