package eu.vetnet.identity.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vetnet.identity.keycloak-admin.*}: how the admin API signs in to Keycloak's Admin API. It uses a
 * confidential client's service account (by default the gateway's, which the realm grants the
 * realm-management roles view-users, manage-users, query-users, query-groups and view-realm), in the realm of
 * {@code vetnet.oidc.issuer-uri}.
 */
@ConfigurationProperties("vetnet.identity.keycloak-admin")
public class KeycloakAdminProperties {

    private String clientId = "vetnet-gateway";
    private String clientSecret = "vetnet-gateway-secret";

    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getClientSecret() { return clientSecret; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
}
