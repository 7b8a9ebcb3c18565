package dk.tilsynsspor.core.order;

import dk.tilsynsspor.core.security.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;
import java.util.UUID;

/** The authority reviews a submitted version of a requirement's action plan. */
public record ReviewActionPlan(
        @TargetAggregateIdentifier UUID orderId,
        UUID requirementId,
        int version,
        PlanVerdict verdict,
        String remarks) implements RequirementCommand {

    @Override
    public Set<Role> sentBy() {
        return Set.of(Role.INSPECTOR);
    }
}
