package eu.vetnet.gateway.support;

import eu.vetnet.gateway.GatewayApplication;
import eu.vetnet.testkit.ServiceAddress;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A gateway signing people in with the launcher's real Keycloak, routing rooms to an {@link EchoServer}. The realm
 * (deploy/keycloak/vetnet-realm.json) registers the gateway at http://localhost:8080 (redirect URI, back-channel
 * logout URL), so it runs on 8080; {@link #portIsFree()} tells a test to skip while something else holds it.
 */
public final class KeycloakGateway implements AutoCloseable {

    public static final int PORT = 8080;
    public static final URI URI = java.net.URI.create("http://localhost:" + PORT);

    private final String realmUrl;
    private final EchoServer rooms;
    private final ConfigurableApplicationContext gateway;

    /** @param extraArguments more {@code --property=value} arguments for the gateway */
    public KeycloakGateway(ServiceAddress keycloak, String roomsName, String... extraArguments) {
        realmUrl = keycloak.uri("http", "/realms/vetnet").toString();
        rooms = new EchoServer(roomsName, 1 << 20);
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + PORT,
                "--vetnet.oidc.issuer-uri=" + realmUrl,
                "--vetnet.gateway.rooms.instances=" + rooms.uri(),
                "--vetnet.gateway.websocket.allowed-origins=" + URI));
        arguments.addAll(List.of(extraArguments));
        gateway = new SpringApplicationBuilder(GatewayApplication.class).run(arguments.toArray(String[]::new));
    }

    public String realmUrl() {
        return realmUrl;
    }

    public EchoServer rooms() {
        return rooms;
    }

    public static boolean portIsFree() {
        try (ServerSocket socket = new ServerSocket(PORT)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        gateway.close();
        rooms.close();
    }
}
