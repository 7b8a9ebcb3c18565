package dk.tilsynsspor.query.trail;

import dk.tilsynsspor.core.casework.CaseUnlinkedFromRequirements;
import dk.tilsynsspor.core.casework.CitizenCaseClosed;
import dk.tilsynsspor.core.casework.CitizenCaseOpened;
import dk.tilsynsspor.query.database.QueryDatabase;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read of the cases that may serve no order, as the trail's projection leaves its tables: one organisation's
 * cases opened without an order or unlinked from one, less those closed. Another organisation's such cases are not
 * read (nor folded) for it.
 */
class CasesWithoutAnOrderReadTest {

    @RegisterExtension
    static final QueryDatabase database = new QueryDatabase();

    @Test
    void oneOrganisationsOpenCasesThatMayServeNoOrderAreReadForIt() throws Exception {
        try (QueryDatabase.Transaction transaction = database.transaction()) {
            OrderTrailProjection projection = new OrderTrailProjection(transaction.jdbc());
            UUID order = UUID.randomUUID();
            UUID withoutOrder = UUID.randomUUID();
            UUID unlinked = UUID.randomUUID();
            UUID closed = UUID.randomUUID();
            UUID stillLinked = UUID.randomUUID();
            UUID elsewhere = UUID.randomUUID();

            DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
            projection.on(opened(withoutOrder, null, "kk-handicap"));
            projection.on(opened(unlinked, order, "kk-handicap"));
            projection.on(new CaseUnlinkedFromRequirements(unlinked, order, List.of()));
            projection.on(opened(closed, null, "kk-handicap"));
            projection.on(new CitizenCaseClosed(closed, null));
            projection.on(opened(stillLinked, order, "kk-handicap"));
            projection.on(opened(elsewhere, null, "region-h-psykiatri"));
            batch.commit();

            TrailRepository trails = new TrailRepository(transaction.jdbc(), null, null);
            assertThat(trails.casesThatMayServeNoOrder("kk-handicap"))
                    .containsExactlyInAnyOrder(withoutOrder, unlinked);
            assertThat(trails.casesThatMayServeNoOrder("region-h-psykiatri")).containsExactly(elsewhere);
            assertThat(trails.casesThatMayServeNoOrder("an-organisation-with-none")).isEmpty();
        }
    }

    private static CitizenCaseOpened opened(UUID caseId, UUID orderId, String organisationId) {
        return new CitizenCaseOpened(caseId, orderId, organisationId, "borger", List.of());
    }
}
