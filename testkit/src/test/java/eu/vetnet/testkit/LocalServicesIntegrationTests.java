package eu.vetnet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalServiceExtension.class)
class LocalServicesIntegrationTests {

    @Test
    void startedRedisAnswersPingOnTheAddressGiven(@LocalService(Service.REDIS) ServiceAddress redis) throws IOException {
        try (Socket socket = new Socket(redis.host(), redis.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));

            assertEquals("+PONG", in.readLine());
        }
    }

    @Test
    void asksTheLauncherOncePerServiceAndJvm(@LocalService(Service.REDIS) ServiceAddress redis) {
        assertSame(redis, LocalServices.ensureRunning(Service.REDIS));
    }
}
