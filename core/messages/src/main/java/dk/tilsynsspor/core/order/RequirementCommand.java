package dk.tilsynsspor.core.order;

import dk.tilsynsspor.core.security.Role;

import java.util.Set;
import java.util.UUID;

/** A command on one requirement of an order: the order handles it through that requirement. */
public interface RequirementCommand {

    UUID orderId();

    UUID requirementId();

    /**
     * Who sends it (the order's authority for an inspector, its organisation for a leader): the organisation's
     * leaders follow the requirement up, unless the command says otherwise.
     */
    default Set<Role> sentBy() {
        return Set.of(Role.LEADER);
    }
}
