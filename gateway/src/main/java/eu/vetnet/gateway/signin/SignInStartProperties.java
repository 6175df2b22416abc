package eu.vetnet.gateway.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vetnet.gateway.sign-in.*}: what an anonymous visitor may cost. Starting a sign-in
 * ({@code /oauth2/authorization/**}) creates a session to hold the pending authorization request; without bounds a
 * script could fill the session store with them (docs/gateway.md, "Sign-in starts").
 */
@ConfigurationProperties("vetnet.gateway.sign-in")
public class SignInStartProperties {

    /** A session whose sign-in has not completed ends after this long unused (signed-in ones: the idle timeout). */
    private Duration pendingTimeout = Duration.ofMinutes(10);
    /** Sign-in starts per client address and minute, on average... */
    private double startsPerMinute = 30;
    /** ...and at once. */
    private int burst = 20;

    public Duration getPendingTimeout() { return pendingTimeout; }
    public void setPendingTimeout(Duration pendingTimeout) { this.pendingTimeout = pendingTimeout; }
    public double getStartsPerMinute() { return startsPerMinute; }
    public void setStartsPerMinute(double startsPerMinute) { this.startsPerMinute = startsPerMinute; }
    public int getBurst() { return burst; }
    public void setBurst(int burst) { this.burst = burst; }
}
