package dk.tilsynsspor.core.order.query;

import java.time.LocalDate;
import java.util.List;

/**
 * A leader's view of the organisation: open orders, overdue and soon-due requirements, teams, who takes part, how
 * often each case's team meets, the citizens' progress per dimension (aggregated, naming no citizen), and the part
 * its own professionals take on other organisations' cases (cross-sector teams, naming neither case nor citizen), and
 * what waits for the organisation itself, oldest first.
 */
public record OrganisationOverview(
        String organisationId,
        LocalDate today,
        List<OrderSummary> openOrders,
        List<RequirementAlert> overdue,
        List<RequirementAlert> dueSoon,
        List<CaseTeam> teams,
        List<Participation> professionals,
        List<SessionCadence> cadence,
        List<DimensionProgress> progression,
        List<ParticipationElsewhere> professionalsElsewhere,
        List<AwaitingOrganisation> awaiting) {
}
