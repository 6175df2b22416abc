package eu.vetnet.rooms.followup;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Where proposals live (Cassandra, or memory with {@code vetnet.history.store=memory}). */
public interface ProposalStore {

    CompletionStage<Proposal> save(Proposal proposal);

    /** The proposal, or null. */
    CompletionStage<Proposal> find(String id);

    /** A room's proposals, oldest first. */
    CompletionStage<List<Proposal>> ofRoom(String room);

    /** The proposals addressed to a user, oldest first. */
    CompletionStage<List<Proposal>> addressedTo(String userId);
}
