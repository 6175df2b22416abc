package eu.vetnet.rooms;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RoomServerApplication {

    public static void main(String[] args) {
        ioThreadsPerCore();
        SpringApplication.run(RoomServerApplication.class, args);
    }

    /**
     * One Netty event loop per core unless {@code reactor.netty.ioWorkerCount} is set. Reactor Netty's default is at
     * least four: on a two-core server a room's broadcast then wakes four loops instead of two, and each wake-up is a
     * system call; measured with bench/rooms-load.sh, 10 x 20 room, about a tenth less CPU per update
     * (docs/rooms-benchmark.md).
     */
    static void ioThreadsPerCore() {
        if (System.getProperty("reactor.netty.ioWorkerCount") == null) {
            System.setProperty("reactor.netty.ioWorkerCount", Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
    }
}
