package dk.tilsynsspor.query.overview;

import dk.tilsynsspor.core.order.query.GetOrganisationOverview;
import dk.tilsynsspor.core.order.query.OrganisationOverview;
import dk.tilsynsspor.core.order.query.RequirementStatus;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.platform.security.CurrentActor;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The organisation overview, for the leaders of that organisation only (API and pages alike). */
@Component
public class OverviewReads {

    /** A requirement not yet verified whose deadline is this many days away or fewer is "due soon". */
    public static final int DUE_SOON_DAYS = 14;
    private final QueryGateway queries;
    private final CurrentActor currentActor;

    OverviewReads(QueryGateway queries, CurrentActor currentActor) {
        this.queries = queries;
        this.currentActor = currentActor;
    }

    public OrganisationOverview overview(String organisationId) {
        Actor actor = currentActor.get();
        if (actor.role() != Role.LEADER || !actor.scope().equals(organisationId)) {
            throw new AccessDeniedException("the overview is for leaders of organisation " + organisationId);
        }
        return queries.query(new GetOrganisationOverview(actor, organisationId), OrganisationOverview.class).join();
    }

    /**
     * Not verified, reported, accepted, annulled or a draft (none of which has a deadline to be reminded of), not yet
     * overdue, and its deadline {@value #DUE_SOON_DAYS} days away or fewer.
     */
    public static boolean dueSoon(RequirementStatus status, long daysLeft) {
        return status != RequirementStatus.OVERDUE && !status.decidedWhateverTheDeadline()
                && daysLeft <= DUE_SOON_DAYS;
    }

    /** The overview of the caller's own organisation, for a leader. */
    public OrganisationOverview ownOverview() {
        return overview(currentActor.get().scope());
    }
}
