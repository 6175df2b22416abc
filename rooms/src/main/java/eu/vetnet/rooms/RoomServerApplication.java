package eu.vetnet.rooms;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RoomServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoomServerApplication.class, args);
    }
}
