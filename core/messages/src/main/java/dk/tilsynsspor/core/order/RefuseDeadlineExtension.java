package dk.tilsynsspor.core.order;

import dk.tilsynsspor.core.security.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;
import java.util.UUID;

/** The authority refuses an open extension request, saying why; the deadline stays. */
public record RefuseDeadlineExtension(
        @TargetAggregateIdentifier UUID orderId,
        UUID requirementId,
        UUID requestId,
        String reason) implements RequirementCommand {

    @Override
    public Set<Role> sentBy() {
        return Set.of(Role.INSPECTOR);
    }
}
