package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.access.Actors;
import dk.tilsynsspor.core.order.EndEscalation;
import dk.tilsynsspor.core.order.EscalateSupervisoryOrder;
import dk.tilsynsspor.core.order.EscalationEnded;
import dk.tilsynsspor.core.order.EscalationExpired;
import dk.tilsynsspor.core.order.EscalationExtended;
import dk.tilsynsspor.core.order.ExtendEscalation;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.SupervisoryOrderEscalated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dk.tilsynsspor.command.order.OrderFlowTest.imposed;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.ORDER;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.REQUIREMENT_1;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.REQUIREMENT_2;
import static dk.tilsynsspor.command.rules.Violations.violation;

/** Skærpet tilsyn (domain, second round, part 1): until a date, six months at most at a time. One test per rule. */
class OrderEscalationTest {

    private AggregateTestFixture<SupervisoryOrder> fixture;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupervisoryOrder.class);
        fixture.registerCommandDispatchInterceptor(Actors.byDefault());
        today = LocalDate.ofInstant(fixture.currentTime(), RequirementDeadline.ZONE);
    }

    private SupervisoryOrderEscalated escalated(LocalDate until) {
        return new SupervisoryOrderEscalated(ORDER, "gentagne fund", until, List.of(REQUIREMENT_1, REQUIREMENT_2));
    }

    @Test
    void escalatesUntilADateForTheRequirementsToSettle() {
        fixture.given(imposed())
                .when(new EscalateSupervisoryOrder(ORDER, "gentagne fund", today.plusMonths(3), List.of()))
                .expectEvents(escalated(today.plusMonths(3)))
                .expectScheduledDeadlineWithName(java.time.Instant.from(new EscalationDeadline(today.plusMonths(3))
                        .passesAt()), EscalationDeadline.NAME);
    }

    @Test
    void escalationNamesOnlyTheOrdersRequirements() {
        fixture.given(imposed())
                .when(new EscalateSupervisoryOrder(ORDER, "x", today.plusMonths(1), List.of(UUID.randomUUID())))
                .expectNoEvents().expectException(violation("unknown-requirement"));
    }

    @Test
    void escalationRunsSixMonthsAtMost() {
        fixture.given(imposed())
                .when(new EscalateSupervisoryOrder(ORDER, "x", today.plusMonths(6).plusDays(1), List.of()))
                .expectNoEvents().expectException(violation("escalation-too-long"));
        fixture.given(imposed())
                .when(new EscalateSupervisoryOrder(ORDER, "x", today, List.of()))
                .expectNoEvents().expectException(violation("escalation-until-invalid"));
        fixture.given(imposed())
                .when(new EscalateSupervisoryOrder(ORDER, "x"))
                .expectNoEvents().expectException(violation("escalation-until-invalid"));
    }

    @Test
    void escalatesWithAReasonOnce() {
        fixture.given(imposed())
                .when(new EscalateSupervisoryOrder(ORDER, " ", today.plusMonths(1), List.of()))
                .expectNoEvents().expectException(violation("reason-required"));
        fixture.given(imposed(), escalated(today.plusMonths(1)))
                .when(new EscalateSupervisoryOrder(ORDER, "igen", today.plusMonths(2), List.of()))
                .expectNoEvents().expectException(violation("already-escalated"));
    }

    @Test
    void onlyAnInspectorEscalates() {
        fixture.given(imposed())
                .when(new EscalateSupervisoryOrder(ORDER, "x", today.plusMonths(1), List.of()), Actors.LEADER)
                .expectNoEvents().expectException(violation("wrong-role"));
    }

    @Test
    void anExtensionRunsAtMostSixMonthsPastTheCurrentEnd() {
        LocalDate until = today.plusMonths(2);
        fixture.given(imposed(), escalated(until))
                .when(new ExtendEscalation(ORDER, until.plusMonths(6), "stadig fund"))
                .expectEvents(new EscalationExtended(ORDER, until, until.plusMonths(6), "stadig fund"))
                .expectScheduledDeadlineWithName(new EscalationDeadline(until.plusMonths(6)).passesAt(),
                        EscalationDeadline.NAME);
        fixture.given(imposed(), escalated(until))
                .when(new ExtendEscalation(ORDER, until.plusMonths(6).plusDays(1), "for længe"))
                .expectNoEvents().expectException(violation("escalation-too-long"));
        fixture.given(imposed(), escalated(until))
                .when(new ExtendEscalation(ORDER, until, "samme dag"))
                .expectNoEvents().expectException(violation("deadline-not-later"));
    }

    @Test
    void onlyAnEscalatedOrderIsExtendedOrEnded() {
        fixture.given(imposed()).when(new ExtendEscalation(ORDER, today.plusMonths(1), "x"))
                .expectNoEvents().expectException(violation("not-escalated"));
        fixture.given(imposed()).when(new EndEscalation(ORDER, "x"))
                .expectNoEvents().expectException(violation("not-escalated"));
    }

    @Test
    void theAuthorityEndsItWithAReason() {
        fixture.given(imposed(), escalated(today.plusMonths(1)))
                .when(new EndEscalation(ORDER, "forholdene er bragt i orden"))
                .expectEvents(new EscalationEnded(ORDER, "forholdene er bragt i orden"));
        fixture.given(imposed(), escalated(today.plusMonths(1)))
                .when(new EndEscalation(ORDER, ""))
                .expectNoEvents().expectException(violation("reason-required"));
    }

    @Test
    void itExpiresWhenItsDatePassesNeitherExtendedNorEnded() {
        LocalDate until = today.plusDays(10);
        fixture.given(imposed())
                .andGivenCommands(new EscalateSupervisoryOrder(ORDER, "gentagne fund", until, List.of()))
                .whenThenTimeElapses(Duration.ofDays(12))
                .expectEvents(new EscalationExpired(ORDER, until));
    }

    @Test
    void anExtendedEscalationDoesNotExpireAtTheOldDate() {
        LocalDate until = today.plusDays(10);
        fixture.given(imposed())
                .andGivenCommands(new EscalateSupervisoryOrder(ORDER, "gentagne fund", until, List.of()),
                        new ExtendEscalation(ORDER, until.plusMonths(1), "stadig fund"))
                .whenThenTimeElapses(Duration.ofDays(12))
                .expectNoEvents();
    }

    @Test
    void anEndedEscalationDoesNotExpire() {
        LocalDate until = today.plusDays(10);
        fixture.given(imposed())
                .andGivenCommands(new EscalateSupervisoryOrder(ORDER, "gentagne fund", until, List.of()),
                        new EndEscalation(ORDER, "bragt i orden"))
                .whenThenTimeElapses(Duration.ofDays(12))
                .expectNoEvents();
    }

    @Test
    void aClosedOrderIsNotEscalated() {
        fixture.given(imposed(), new SupervisoryOrderClosed(ORDER, "trukket tilbage", true))
                .when(new EscalateSupervisoryOrder(ORDER, "x", today.plusMonths(1), List.of()))
                .expectNoEvents().expectException(violation("order-closed"));
    }
}
