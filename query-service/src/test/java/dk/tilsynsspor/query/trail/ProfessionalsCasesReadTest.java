package dk.tilsynsspor.query.trail;

import dk.tilsynsspor.core.casework.CitizenCaseClosed;
import dk.tilsynsspor.core.casework.ProfessionalAssignedToCase;
import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.query.database.QueryDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads behind "Mine sager", as the trail's projection leaves its tables: a professional's open cases (each
 * once, however often they were put on its team), and their closed cases apart, the most recently closed first, so
 * that the page folds the open ones and only as many closed ones as it shows. Another professional's are not read.
 */
class ProfessionalsCasesReadTest {

    @RegisterExtension
    static final QueryDatabase database = new QueryDatabase();

    @Test
    void aProfessionalsOpenCasesAreReadApartFromTheClosedOnesTheMostRecentlyClosedFirst() throws Exception {
        try (QueryDatabase.Transaction transaction = database.transaction()) {
            UUID open = UUID.randomUUID();
            UUID closedFirst = UUID.randomUUID();
            UUID closedLast = UUID.randomUUID();
            UUID closedMeanwhile = UUID.randomUUID();
            UUID othersCase = UUID.randomUUID();

            TrailRepository trails = ProjectedTables.projected(transaction, projection -> {
                assigned(projection, 1, open, "paedagog");
                assigned(projection, 2, open, "paedagog"); // put on the team again after leaving it
                assigned(projection, 3, closedLast, "paedagog");
                assigned(projection, 4, closedFirst, "paedagog");
                assigned(projection, 5, closedMeanwhile, "paedagog");
                assigned(projection, 6, othersCase, "psykolog");
                projection.on(new CitizenCaseClosed(closedFirst, null), new GlobalSequenceTrackingToken(7));
                projection.on(new CitizenCaseClosed(closedMeanwhile, null), new GlobalSequenceTrackingToken(8));
                projection.on(new CitizenCaseClosed(othersCase, null), new GlobalSequenceTrackingToken(9));
                projection.on(new CitizenCaseClosed(closedLast, null), new GlobalSequenceTrackingToken(10));
            });

            assertThat(trails.openCasesAssigning("paedagog")).containsExactly(open);
            assertThat(trails.closedCasesAssigning("paedagog"))
                    .containsExactly(closedLast, closedMeanwhile, closedFirst);
            assertThat(trails.openCasesAssigning("psykolog")).isEmpty();
            assertThat(trails.closedCasesAssigning("psykolog")).containsExactly(othersCase);
            assertThat(trails.openCasesAssigning("nobody")).isEmpty();
            assertThat(trails.closedCasesAssigning("nobody")).isEmpty();
        }
    }

    @Test
    void theReferencesOfTheOrdersTheCasesServeAndWhetherTheyAreClosedAreReadByTheOrdersIds() throws Exception {
        try (QueryDatabase.Transaction transaction = database.transaction()) {
            UUID order = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            UUID notProjected = UUID.randomUUID();

            UUID closed = UUID.randomUUID();
            TrailRepository trails = ProjectedTables.projected(transaction, projection -> {
                ProjectedTables.imposed(projection, order, "kk-handicap");
                ProjectedTables.imposed(projection, other, "region-h-psykiatri");
                ProjectedTables.imposed(projection, closed, "kk-handicap");
                projection.on(new SupervisoryOrderClosed(closed, "Efterlevet", false, OrderOutcome.COMPLIED));
            });

            assertThat(trails.orderReferences(List.of(order, notProjected, closed))).containsOnly(
                    Map.entry(order, new OrderReference("ST-" + order, false)),
                    Map.entry(closed, new OrderReference("ST-" + closed, true)));
            assertThat(trails.orderReferences(List.of())).isEmpty();
        }
    }

    private static void assigned(OrderTrailProjection projection, long index, UUID caseId, String professionalId) {
        ProfessionalAssignedToCase assigned = new ProfessionalAssignedToCase(caseId, null, professionalId, "Navn",
                "pædagog", "bosted", "kontakt");
        projection.on(assigned, new GenericDomainEventMessage<>("CitizenCase", caseId.toString(), index, assigned),
                new GlobalSequenceTrackingToken(index));
    }
}
