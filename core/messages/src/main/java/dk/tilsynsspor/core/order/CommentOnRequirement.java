package dk.tilsynsspor.core.order;

import dk.tilsynsspor.core.security.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;
import java.util.UUID;

/** A remark in the requirement's thread: the dialogue of the follow-up between authority and organisation. */
public record CommentOnRequirement(
        @TargetAggregateIdentifier UUID orderId,
        UUID requirementId,
        UUID commentId,
        String text) implements RequirementCommand {

    @Override
    public Set<Role> sentBy() {
        return Set.of(Role.INSPECTOR, Role.LEADER);
    }
}
