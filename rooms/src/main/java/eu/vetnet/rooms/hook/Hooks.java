package eu.vetnet.rooms.hook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered hooks in priority order, and the two ways of running them: chained stages, or plain calls. */
public final class Hooks {

    private static final Logger log = LoggerFactory.getLogger(Hooks.class);

    private final List<RoomHook> ordered;

    public Hooks(List<? extends RoomHook> hooks) {
        List<RoomHook> copy = new ArrayList<>(hooks);
        copy.sort(Comparator.comparingInt(RoomHook::priority).reversed());
        this.ordered = List.copyOf(copy);
    }

    public List<RoomHook> ordered() {
        return ordered;
    }

    /** Runs {@code call} on each hook in order, each after the previous stage completed; fails at the first failure. */
    public CompletableFuture<Void> chain(Function<RoomHook, CompletionStage<Void>> call) {
        CompletableFuture<Void> stage = RoomHook.DONE;
        for (RoomHook hook : ordered) {
            stage = stage.thenCompose(v -> {
                try {
                    return call.apply(hook);
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            });
        }
        return stage;
    }

    /** The first refusal of {@code judge} in priority order, or empty when every hook lets the update through. */
    public Optional<String> firstRefusal(Function<RoomHook, Optional<String>> judge) {
        for (RoomHook hook : ordered) {
            Optional<String> refusal = judge.apply(hook);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** Calls a notification hook on each; a failing hook is logged and does not stop the others. */
    public void notifyAll(Consumer<RoomHook> call) {
        for (RoomHook hook : ordered) {
            try {
                call.accept(hook);
            } catch (RuntimeException e) {
                log.warn("hook {} failed", hook.getClass().getSimpleName(), e);
            }
        }
    }
}
