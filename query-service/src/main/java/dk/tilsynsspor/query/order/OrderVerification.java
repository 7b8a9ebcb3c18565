package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.TrailVerification;

/** A verification with the order's owners, so that the route can tell whether the caller may see it. */
public record OrderVerification(
        String authorityId,
        String organisationId,
        TrailVerification verification) {
}
