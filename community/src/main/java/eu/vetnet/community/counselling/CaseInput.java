package eu.vetnet.community.counselling;

import java.util.List;

/** A case as a member describes it ({@code POST /api/community/cases}), checked by {@link CaseRules}. */
public record CaseInput(String title, String challenge, String sector, String country, String region, List<String> topics,
        String language, String organisationType) {
}
