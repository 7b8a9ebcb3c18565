package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.order.query.WorkQueue.EscalatedOrder;
import dk.tilsynsspor.core.order.query.WorkQueue.NoticeToAnswer;
import dk.tilsynsspor.core.order.query.WorkQueue.OrderLine;
import dk.tilsynsspor.core.order.query.WorkQueue.OverdueRequirement;
import dk.tilsynsspor.core.order.query.WorkQueue.PlanToReview;
import dk.tilsynsspor.core.order.query.WorkQueue.RequirementLine;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WorkQueueTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private final OrderLine handicap = new OrderLine(UUID.randomUUID(), "ST-1", "kk-handicap");
    private final OrderLine psychiatry = new OrderLine(UUID.randomUUID(), "ST-2", "region-h-psykiatri");
    private final OrderLine handicapToo = new OrderLine(UUID.randomUUID(), "ST-3", "kk-handicap");
    private final RequirementLine requirement = new RequirementLine(UUID.randomUUID(), 1, "Metode", DAY.minusDays(2));

    private WorkQueue queue() {
        return new WorkQueue(DAY, List.of(new NoticeToAnswer(psychiatry, DAY.plusDays(3), null)), List.of(),
                List.of(new PlanToReview(handicap, requirement, 1, Instant.parse("2026-12-01T10:00:00Z")),
                        new PlanToReview(psychiatry, requirement, 2, Instant.parse("2026-12-02T10:00:00Z")),
                        new PlanToReview(handicapToo, requirement, 1, Instant.parse("2026-12-03T10:00:00Z"))),
                List.of(), List.of(new OverdueRequirement(handicapToo, requirement, -2)),
                List.of(new EscalatedOrder(handicap, "gentagne fund", null)), List.of());
    }

    @Test
    void theOrganisationsSomethingWaitsForAreEachNamedOnce() {
        assertThat(queue().organisations()).containsExactly("kk-handicap", "region-h-psykiatri");
        assertThat(WorkQueue.empty(DAY).organisations()).isEmpty();
    }

    @Test
    void oneOrganisationsQueueHoldsTheLinesOfItsOrdersOnlyInTheirOrder() {
        WorkQueue handicapOnly = queue().of("kk-handicap");

        assertThat(handicapOnly.notices()).isEmpty();
        assertThat(handicapOnly.plans()).extracting(line -> line.order().reference()).containsExactly("ST-1", "ST-3");
        assertThat(handicapOnly.overdue()).extracting(line -> line.order().reference()).containsExactly("ST-3");
        assertThat(handicapOnly.escalated()).hasSize(1);
        assertThat(handicapOnly.day()).isEqualTo(DAY);
        assertThat(queue().of("an-organisation-with-nothing").organisations()).isEmpty();
    }
}
