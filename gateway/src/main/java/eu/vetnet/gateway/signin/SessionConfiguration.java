package eu.vetnet.gateway.signin;

import eu.vetnet.gateway.websocket.ProxiedSockets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;
import org.springframework.web.server.session.WebSessionStore;

/**
 * Sessions, wherever they live (InMemorySessionConfiguration for one gateway, RedisSessionConfiguration for
 * several): the idle timeout, the cookie HttpOnly, SameSite and Secure as configured, and the sweep that closes the
 * sockets of sessions that ended on their own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionProperties.class)
public class SessionConfiguration {

    @Bean
    WebSessionManager webSessionManager(WebSessionStore webSessionStore, SessionProperties properties,
            SignInStartProperties signIn) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(SessionCookies.sessionCookieName(properties));
        resolver.addCookieInitializer(cookie -> cookie.httpOnly(true).secure(properties.isCookieSecure())
                .sameSite(properties.getCookieSameSite()));
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionIdResolver(resolver);
        manager.setSessionStore(new IdleTimeoutSessionStore(webSessionStore, signIn.getPendingTimeout()));
        return manager;
    }

    @Bean
    EndedSessionSocketSweeper endedSessionSocketSweeper(ProxiedSockets sockets, LiveSessions sessions, SessionProperties properties) {
        return new EndedSessionSocketSweeper(sockets, sessions, properties.getSocketSweepInterval());
    }
}
