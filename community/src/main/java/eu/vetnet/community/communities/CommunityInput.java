package eu.vetnet.community.communities;

import java.util.List;

/** A new community as its founder describes it. */
public record CommunityInput(String name, String description, List<String> languages, List<String> sectors, Community.Joining joining) {
}
