package dk.tilsynsspor.query.trail;

import dk.tilsynsspor.core.casework.CaseLinkedToRequirements;
import dk.tilsynsspor.core.casework.CaseUnlinkedFromRequirements;
import dk.tilsynsspor.core.casework.CitizenCaseClosed;
import dk.tilsynsspor.core.casework.CitizenCaseOpened;
import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.query.database.QueryDatabase;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads of the cases that may serve no open order, as the trail's projection leaves its tables: one
 * organisation's cases opened without an order or unlinked from one, and those opened for or linked to an order of it
 * that was closed since, less the cases closed. Another organisation's such cases are not read (nor folded) for it.
 */
class CasesWithoutAnOrderReadTest {

    @RegisterExtension
    static final QueryDatabase database = new QueryDatabase();

    @Test
    void oneOrganisationsOpenCasesThatMayServeNoOrderAreReadForIt() throws Exception {
        try (QueryDatabase.Transaction transaction = database.transaction()) {
            UUID order = UUID.randomUUID();
            UUID withoutOrder = UUID.randomUUID();
            UUID unlinked = UUID.randomUUID();
            UUID closed = UUID.randomUUID();
            UUID stillLinked = UUID.randomUUID();
            UUID elsewhere = UUID.randomUUID();

            TrailRepository trails = ProjectedTables.projected(transaction, projection -> {
                projection.on(opened(withoutOrder, null, "kk-handicap"));
                projection.on(opened(unlinked, order, "kk-handicap"));
                projection.on(new CaseUnlinkedFromRequirements(unlinked, order, List.of()));
                projection.on(opened(closed, null, "kk-handicap"));
                projection.on(new CitizenCaseClosed(closed, null), new GlobalSequenceTrackingToken(20));
                projection.on(opened(stillLinked, order, "kk-handicap"));
                projection.on(opened(elsewhere, null, "region-h-psykiatri"));
            });

            assertThat(trails.casesThatMayServeNoOrder("kk-handicap"))
                    .containsExactlyInAnyOrder(withoutOrder, unlinked);
            assertThat(trails.casesThatMayServeNoOrder("region-h-psykiatri")).containsExactly(elsewhere);
            assertThat(trails.casesThatMayServeNoOrder("an-organisation-with-none")).isEmpty();
        }
    }

    @Test
    void theOpenCasesOfAnOrganisationsClosedOrdersAreReadByTheirOpeningsAndLinks() throws Exception {
        try (QueryDatabase.Transaction transaction = database.transaction()) {
            UUID closedOrder = UUID.randomUUID();
            UUID openOrder = UUID.randomUUID();
            UUID othersClosedOrder = UUID.randomUUID();
            UUID openedForIt = UUID.randomUUID();
            UUID linkedToIt = UUID.randomUUID();
            UUID closedCase = UUID.randomUUID();
            UUID ofTheOpenOrder = UUID.randomUUID();
            UUID othersCase = UUID.randomUUID();

            TrailRepository trails = ProjectedTables.projected(transaction, projection -> {
                ProjectedTables.imposed(projection, closedOrder, "kk-handicap");
                ProjectedTables.imposed(projection, openOrder, "kk-handicap");
                ProjectedTables.imposed(projection, othersClosedOrder, "region-h-psykiatri");
                projection.on(opened(openedForIt, closedOrder, "kk-handicap"));
                projection.on(opened(linkedToIt, null, "kk-handicap"));
                projection.on(new CaseLinkedToRequirements(linkedToIt, closedOrder, List.of()),
                        new GlobalSequenceTrackingToken(10));
                projection.on(opened(closedCase, closedOrder, "kk-handicap"));
                projection.on(new CitizenCaseClosed(closedCase, null), new GlobalSequenceTrackingToken(20));
                projection.on(opened(ofTheOpenOrder, openOrder, "kk-handicap"));
                projection.on(opened(othersCase, othersClosedOrder, "region-h-psykiatri"));
                projection.on(new SupervisoryOrderClosed(closedOrder, "Efterlevet", false, OrderOutcome.COMPLIED));
                projection.on(new SupervisoryOrderClosed(othersClosedOrder, "Efterlevet", false,
                        OrderOutcome.COMPLIED));
            });

            assertThat(trails.openCasesOfClosedOrders("kk-handicap"))
                    .containsExactlyInAnyOrder(openedForIt, linkedToIt);
            assertThat(trails.openCasesOfClosedOrders("region-h-psykiatri")).containsExactly(othersCase);
            assertThat(trails.openCasesOfClosedOrders("an-organisation-with-none")).isEmpty();
        }
    }

    private static CitizenCaseOpened opened(UUID caseId, UUID orderId, String organisationId) {
        return new CitizenCaseOpened(caseId, orderId, organisationId, "borger", List.of());
    }
}
