package eu.vetnet.community.organisations;

import java.util.List;

/** An organisation's profile as its admins write it ({@code PUT /api/community/organisations/{id}}). */
public record OrganisationInput(String name, String type, String country, String region, List<String> sectors, List<String> languages,
        String profile, String website) {
}
