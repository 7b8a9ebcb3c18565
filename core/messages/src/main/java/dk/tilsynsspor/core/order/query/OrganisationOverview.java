package dk.tilsynsspor.core.order.query;

import java.time.LocalDate;
import java.util.List;

/**
 * A leader's view of the organisation: open orders, overdue and soon-due requirements, teams, who takes part, how
 * often each case's team meets, and the citizens' progress per dimension (aggregated, naming no citizen).
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
        List<DimensionProgress> progression) {
}
