package eu.vetnet.rooms.web;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No request observations for room sockets. A WebSocket upgrade is one HTTP request that lasts as long as the
 * socket, so its observation (and Spring Security's, with their contexts, key values and timers) would stay on
 * the heap for every open socket: about a third of an idle connection's memory (measured with
 * bench/rooms-load.sh --scenarios=idle). Socket metrics come from the room server's own counters instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ObservationConfiguration {

    @Bean
    ObservationPredicate noObservationOfRoomSockets() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null
                && request.getCarrier().getPath().value().startsWith(RoomWebSocketHandler.PREFIX));
    }

    /** The security chains are stateless and cheap; their per-request observations are not worth a socket's memory. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
