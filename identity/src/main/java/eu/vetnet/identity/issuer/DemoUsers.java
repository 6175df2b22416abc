package eu.vetnet.identity.issuer;

import eu.vetnet.identity.Role;
import java.util.List;
import java.util.Optional;

/** The built-in issuer's demo users: one per role, as in the Keycloak realm. Development only. */
public final class DemoUsers {

    /**
     * alice, fabio, paula, then bruno, carla, dario (participants) and petra (a second policymaker) for sessions with
     * a full table, and ada, in the realm's order.
     */
    public static final List<DemoUser> ALL = List.of(
            new DemoUser("alice", "alice-pass", "Alice", "Participant", "alice@vetnet.test", Role.PARTICIPANT,
                    List.of("/organisations/craft-sme-association"), null),
            new DemoUser("fabio", "fabio-pass", "Fabio", "Facilitator", "fabio@vetnet.test", Role.FACILITATOR,
                    List.of("/organisations/northfield-vet-college"), null),
            new DemoUser("paula", "paula-pass", "Paula", "Policymaker", "paula@vetnet.test", Role.POLICYMAKER,
                    List.of("/organisations/regional-skills-policy-office"), null),
            new DemoUser("bruno", "bruno-pass", "Bruno", "Carpenter", "bruno@vetnet.test", Role.PARTICIPANT,
                    List.of("/organisations/craft-sme-association"), null),
            new DemoUser("carla", "carla-pass", "Carla", "Joiner", "carla@vetnet.test", Role.PARTICIPANT,
                    List.of("/organisations/craft-sme-association"), null),
            new DemoUser("dario", "dario-pass", "Dario", "Mason", "dario@vetnet.test", Role.PARTICIPANT,
                    List.of("/organisations/craft-sme-association"), null),
            new DemoUser("petra", "petra-pass", "Petra", "Councillor", "petra@vetnet.test", Role.POLICYMAKER,
                    List.of("/organisations/regional-skills-policy-office"), null),
            new DemoUser("ada", "ada-pass", "Ada", "Admin", "ada@vetnet.test", Role.ADMIN, List.of(), null));

    private DemoUsers() {
    }

    public static Optional<DemoUser> find(String username) {
        return ALL.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}
