package eu.vetnet.gateway.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.gateway.metrics.*}: who may read {@code /actuator/prometheus}. */
@ConfigurationProperties("vetnet.gateway.metrics")
public class MetricsProperties {

    /**
     * The bearer token Prometheus scrapes with ({@code Authorization: Bearer <token>}; env VETNET_METRICS_TOKEN).
     * Empty: only a signed-in admin may read the metrics.
     */
    private String scrapeToken = "";

    public String getScrapeToken() { return scrapeToken; }
    public void setScrapeToken(String scrapeToken) { this.scrapeToken = scrapeToken; }
}
