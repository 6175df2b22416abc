package eu.vetnet.learning.web;

import eu.vetnet.identity.ResourceServerSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.learning.*} (docs/learning.md, "Settings"): the token and address settings every server has, and learning's. */
@ConfigurationProperties("vetnet.learning")
public class LearningProperties extends ResourceServerSettings {

    /** A room server, whose replay API gives a live session's attendance (any room server reads any room's history). */
    private String roomsUri = "http://localhost:8081";
    /** Load the demo programme (marked as demo data) when there is none. Off in production mode. */
    private boolean demoData = false;

    public String getRoomsUri() { return roomsUri; }
    public void setRoomsUri(String v) { roomsUri = v; }
    public boolean isDemoData() { return demoData; }
    public void setDemoData(boolean v) { demoData = v; }
}
