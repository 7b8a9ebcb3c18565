package dk.tilsynsspor.core.order;

import dk.tilsynsspor.core.security.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** The authority moves a requirement's deadline; it answers the open extension request, if there is one. */
public record ExtendRequirementDeadline(
        @TargetAggregateIdentifier UUID orderId,
        UUID requirementId,
        LocalDate newDeadline,
        String reason,
        UUID requestId) implements RequirementCommand {

    public ExtendRequirementDeadline(UUID orderId, UUID requirementId, LocalDate newDeadline, String reason) {
        this(orderId, requirementId, newDeadline, reason, null);
    }

    @Override
    public Set<Role> sentBy() {
        return Set.of(Role.INSPECTOR);
    }
}
