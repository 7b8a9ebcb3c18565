package dk.tilsynsspor.core.order.query;

import java.time.LocalDate;
import java.util.List;

/** A leader's view of the organisation: open orders, overdue and soon-due requirements, teams, and who takes part. */
public record OrganisationOverview(
        String organisationId,
        LocalDate today,
        List<OrderSummary> openOrders,
        List<RequirementAlert> overdue,
        List<RequirementAlert> dueSoon,
        List<CaseTeam> teams,
        List<Participation> professionals) {
}
