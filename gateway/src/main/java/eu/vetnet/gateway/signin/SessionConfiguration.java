package eu.vetnet.gateway.signin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;

/** Sessions in memory (one gateway); the cookie HttpOnly, SameSite, Secure as configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionProperties.class)
public class SessionConfiguration {

    @Bean
    InMemoryWebSessionStore webSessionStore() {
        InMemoryWebSessionStore store = new InMemoryWebSessionStore();
        store.setMaxSessions(100_000);
        return store;
    }

    @Bean
    WebSessionManager webSessionManager(InMemoryWebSessionStore store, SessionProperties properties) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(properties.getCookieName());
        resolver.addCookieInitializer(cookie -> cookie.httpOnly(true).secure(properties.isCookieSecure())
                .sameSite(properties.getCookieSameSite()));
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionIdResolver(resolver);
        manager.setSessionStore(new IdleTimeoutSessionStore(store, properties.getIdleTimeout()));
        return manager;
    }
}
