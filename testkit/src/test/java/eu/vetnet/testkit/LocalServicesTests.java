package eu.vetnet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalServicesTests {

    @TempDir
    Path checkout;

    @Test
    void findsTheLauncherInAFolderAboveTheModule() throws IOException {
        Files.createDirectories(checkout.resolve("deploy"));
        Files.writeString(checkout.resolve(LocalServices.LAUNCHER), "#!/bin/bash\n");
        Path module = Files.createDirectories(checkout.resolve("rooms/target"));

        assertEquals(checkout.normalize(), LocalServices.findRootAbove(module));
    }

    @Test
    void saysHowToFixAMissingLauncher() {
        TestkitException error = assertThrows(TestkitException.class, () -> LocalServices.findRootAbove(checkout));

        assertTrue(error.getMessage().contains("-D" + LocalServices.ROOT_PROPERTY), error.getMessage());
    }

    @Test
    void serviceAddressesRejectImpossiblePorts() {
        assertThrows(IllegalArgumentException.class, () -> new ServiceAddress("127.0.0.1", 0));
        assertThrows(IllegalArgumentException.class, () -> new ServiceAddress("127.0.0.1", 65_536));
        assertEquals("http://localhost:8180/realms/vetnet", new ServiceAddress("localhost", 8180).uri("http", "/realms/vetnet").toString());
    }

    @Test
    void defaultPortsAreTheLaunchersDefaults() {
        if (System.getenv(Service.CASSANDRA.portVariable()) == null) {
            assertEquals(9042, Service.CASSANDRA.address().port());
        }
        assertEquals("VETNET_KEYCLOAK_PORT", Service.KEYCLOAK.portVariable());
        assertEquals("localhost", Service.KEYCLOAK.address().host());
    }
}
