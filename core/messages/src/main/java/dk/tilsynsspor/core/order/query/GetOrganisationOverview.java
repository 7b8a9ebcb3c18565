package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.security.Actor;

public record GetOrganisationOverview(
        Actor requester,
        String organisationId) {
}
