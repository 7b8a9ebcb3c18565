package dk.tilsynsspor.core.order;

import java.util.UUID;

/** A command on one requirement of an order: the order handles it through that requirement. */
public interface RequirementCommand {

    UUID orderId();

    UUID requirementId();
}
