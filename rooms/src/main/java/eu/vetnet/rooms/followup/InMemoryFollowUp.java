package eu.vetnet.rooms.followup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Proposals and the inbox in memory: one server, nothing kept across restarts ({@code vetnet.history.store=memory}). */
public final class InMemoryFollowUp implements ProposalStore, Inbox {

    private final Map<String, Proposal> proposals = new LinkedHashMap<>();
    private final Map<String, List<Notification>> notifications = new HashMap<>();
    private final Map<String, String> emails = new HashMap<>();

    @Override
    public synchronized CompletionStage<Proposal> save(Proposal proposal) {
        proposals.put(proposal.id(), proposal);
        return CompletableFuture.completedFuture(proposal);
    }

    @Override
    public synchronized CompletionStage<Proposal> find(String id) {
        return CompletableFuture.completedFuture(proposals.get(id));
    }

    @Override
    public synchronized CompletionStage<List<Proposal>> ofRoom(String room) {
        return CompletableFuture.completedFuture(proposals.values().stream().filter(p -> p.room().equals(room))
                .sorted(Comparator.comparing(Proposal::createdAt)).toList());
    }

    @Override
    public synchronized CompletionStage<List<Proposal>> addressedTo(String userId) {
        return CompletableFuture.completedFuture(proposals.values().stream().filter(p -> p.addressee().equals(userId))
                .sorted(Comparator.comparing(Proposal::createdAt)).toList());
    }

    @Override
    public synchronized CompletionStage<Void> notify(String userId, Notification notification) {
        notifications.computeIfAbsent(userId, u -> new ArrayList<>()).add(0, notification);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<List<Notification>> of(String userId) {
        List<Notification> all = notifications.getOrDefault(userId, List.of());
        return CompletableFuture.completedFuture(List.copyOf(all.subList(0, Math.min(LISTED, all.size()))));
    }

    @Override
    public synchronized CompletionStage<Void> rememberEmail(String userId, String email) {
        emails.put(userId, email);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Void> forget(String userId) {
        notifications.remove(userId);
        emails.remove(userId);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Map<String, String>> emails(Collection<String> userIds) {
        Map<String, String> out = new HashMap<>();
        userIds.forEach(id -> {
            if (emails.containsKey(id)) {
                out.put(id, emails.get(id));
            }
        });
        return CompletableFuture.completedFuture(out);
    }
}
