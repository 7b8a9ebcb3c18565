package dk.tilsynsspor.query.overview;

import dk.tilsynsspor.core.order.query.GetOrganisationOverview;
import dk.tilsynsspor.core.order.query.OrganisationOverview;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.query.security.CurrentActor;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OverviewController {

    private final QueryGateway queries;
    private final CurrentActor currentActor;

    OverviewController(QueryGateway queries, CurrentActor currentActor) {
        this.queries = queries;
        this.currentActor = currentActor;
    }

    /** The leader's overview of their own organisation. */
    @GetMapping("/api/organisations/{organisationId}/overview")
    OrganisationOverview overview(@PathVariable String organisationId) {
        Actor actor = currentActor.get();
        if (actor.role() != Role.LEADER || !actor.scope().equals(organisationId)) {
            throw new AccessDeniedException("the overview is for leaders of organisation " + organisationId);
        }
        return queries.query(new GetOrganisationOverview(actor, organisationId), OrganisationOverview.class).join();
    }
}
