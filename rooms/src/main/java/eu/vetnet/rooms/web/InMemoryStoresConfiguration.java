package eu.vetnet.rooms.web;

import eu.vetnet.rooms.access.AccessRequests;
import eu.vetnet.rooms.access.InMemoryAccessRequests;
import eu.vetnet.rooms.followup.InMemoryFollowUp;
import eu.vetnet.rooms.images.InMemoryRoomImages;
import eu.vetnet.rooms.images.RoomImages;
import eu.vetnet.rooms.people.InMemoryRoomPeople;
import eu.vetnet.rooms.people.RoomPeople;
import eu.vetnet.rooms.room.InMemoryRoomStore;
import eu.vetnet.rooms.room.RoomStore;
import eu.vetnet.rooms.storage.InMemoryDocumentStorage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Everything the room server keeps, in memory and lost on restart: only with {@code vetnet.history.store=memory}
 * (else the history's Cassandra stores hold them: history/HistoryConfiguration).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vetnet.history.store", havingValue = "memory")
class InMemoryStoresConfiguration {

    @Bean
    RoomStore roomStore() {
        return new InMemoryRoomStore();
    }

    @Bean
    InMemoryDocumentStorage inMemoryDocumentStorage() {
        return new InMemoryDocumentStorage();
    }

    @Bean
    RoomPeople inMemoryRoomPeople() {
        return new InMemoryRoomPeople();
    }

    @Bean
    RoomImages inMemoryRoomImages() {
        return new InMemoryRoomImages();
    }

    @Bean
    AccessRequests inMemoryAccessRequests() {
        return new InMemoryAccessRequests();
    }

    /** Proposals and the inbox (docs/dialogue.md, "Follow-up"). */
    @Bean
    InMemoryFollowUp inMemoryFollowUp() {
        return new InMemoryFollowUp();
    }
}
