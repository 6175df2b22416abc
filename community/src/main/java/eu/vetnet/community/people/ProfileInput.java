package eu.vetnet.community.people;

import java.util.List;
import java.util.Map;

/**
 * What a person writes about themselves ({@code PUT /api/community/profile/me}), checked by {@link ProfileRules}.
 * {@code emailInvitations} and {@code emailDigest}: null keeps what was set (both on at first).
 */
public record ProfileInput(String headline, String bio, List<String> expertise, List<String> sectors, List<String> languages,
        String country, String region, Boolean listed, Boolean availableForCounselling, Map<String, Profile.Visibility> visibility,
        Boolean emailInvitations, Boolean emailDigest) {
}
