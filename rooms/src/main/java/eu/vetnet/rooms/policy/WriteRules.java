package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.Touch;
import eu.vetnet.crdt.inspect.UpdateInspector;
import eu.vetnet.rooms.hook.BeforeApplyPayload;
import eu.vetnet.rooms.hook.HookPriority;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.RoomRole;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The room server's write rules as a before-apply hook (docs/rooms.md, "What the server checks"): the shape every
 * writer's update must have, where the engine will put each part of it, the document's content rules, then its
 * permissions for participants. Installed by the core itself; never optional.
 */
public final class WriteRules implements RoomHook {

    private final Function<String, DocumentPolicy> policies;

    public WriteRules(Function<String, DocumentPolicy> policies) {
        this.policies = policies;
    }

    @Override
    public int priority() {
        return HookPriority.WRITE_RULES;
    }

    @Override
    public Optional<String> beforeApply(BeforeApplyPayload p) {
        Verdict verdict = ClientIds.check(p.document(), p.update(), p.user().id(), p.clientOwner());
        if (verdict.allowed()) {
            DocumentPolicy policy = policies.apply(p.documentName());
            List<Touch> touches = UpdateInspector.inspect(p.document(), p.update());
            verdict = Policies.placement(touches);
            if (verdict.allowed()) {
                verdict = policy.checkContent(touches);
            }
            if (verdict.allowed() && p.role() != RoomRole.FACILITATOR && policy != DocumentPolicy.OPEN) {
                verdict = policy.check(p.document(), touches, new Actor(p.user().id(), p.role()));
                if (verdict.allowed() && policy.reads().contains(PhaseRules.WORKSHOP_DOCUMENT)) {
                    verdict = PhaseRules.check(p.documentName(), touches, workshopOf(p));
                }
            }
        }
        return verdict.allowed() ? Optional.empty() : Optional.of(verdict.reason());
    }

    private static YDoc workshopOf(BeforeApplyPayload p) {
        if (PhaseRules.WORKSHOP_DOCUMENT.equals(p.documentName())) {
            return p.document();
        }
        YDoc workshop = p.roomDocuments().apply(PhaseRules.WORKSHOP_DOCUMENT);
        if (workshop == null) {
            // The core opens what a policy reads before a session writes (Room.openForSession); never judge without it.
            throw new IllegalStateException("the workshop document of room " + p.roomId() + " is not open");
        }
        return workshop;
    }
}
