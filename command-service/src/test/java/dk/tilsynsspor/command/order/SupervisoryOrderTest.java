package dk.tilsynsspor.command.order;

import dk.tilsynsspor.core.order.ImposeSupervisoryOrder;
import dk.tilsynsspor.core.order.QualityTheme;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.command.access.Actors;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dk.tilsynsspor.command.rules.Violations.violation;

class SupervisoryOrderTest {

    static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID REQUIREMENT_1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID REQUIREMENT_2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final LocalDate ISSUED = LocalDate.of(2026, 11, 1);
    static final String URGENT = "Akut risiko for beboernes sikkerhed";

    private AggregateTestFixture<SupervisoryOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupervisoryOrder.class);
        fixture.registerCommandDispatchInterceptor(Actors.byDefault());
    }

    static Requirement documentMethod(LocalDate deadline) {
        return new Requirement(REQUIREMENT_1, "Pædagogisk metode",
                "document the pedagogical method in pedagogical background descriptions"
                        + " and follow it up in action plans",
                QualityTheme.MAALGRUPPE_METODER_OG_RESULTATER, deadline);
    }

    static Requirement lowArousal(LocalDate deadline) {
        return new Requirement(REQUIREMENT_2, "Low arousal",
                "staff use low-arousal de-escalation; physical restraint incidents fall",
                QualityTheme.KOMPETENCER, deadline);
    }

    static ImposeSupervisoryOrder impose(List<Requirement> requirements) {
        return new ImposeSupervisoryOrder(ORDER, "socialtilsyn-hovedstaden", "kk-handicap", "ST-2026-0042",
                "Lov om socialtilsyn § 8", ISSUED, "Påbud om dokumentation og magtanvendelse", requirements, URGENT);
    }

    @Test
    void imposesAnOrderWithItsRequirements() {
        var requirements = List.of(documentMethod(ISSUED.plusMonths(3)), lowArousal(ISSUED.plusMonths(6)));
        fixture.givenNoPriorActivity()
                .when(impose(requirements))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupervisoryOrderImposed(ORDER, "socialtilsyn-hovedstaden", "kk-handicap",
                        "ST-2026-0042", "Lov om socialtilsyn § 8", ISSUED,
                        "Påbud om dokumentation og magtanvendelse", requirements, URGENT, false));
    }

    @Test
    void anOrderImposedWithoutNoticeSaysWhyNoneWasGiven() {
        var requirements = List.of(documentMethod(ISSUED.plusMonths(3)));
        fixture.givenNoPriorActivity()
                .when(new ImposeSupervisoryOrder(ORDER, "socialtilsyn-hovedstaden", "kk-handicap", "ST-1",
                        "Lov om socialtilsyn § 8", ISSUED, null, requirements, " "))
                .expectNoEvents()
                .expectException(violation("notice-waived-reason-required"));
    }

    @Test
    void cannotImposeASecondOrderUnderTheSameId() {
        var requirements = List.of(documentMethod(ISSUED.plusMonths(3)));
        fixture.givenCommands(impose(requirements))
                .when(impose(requirements))
                .expectNoEvents()
                .expectException(violation("order-exists"));
    }

    @Test
    void acceptsADeadlineOnTheIssuedDate() {
        fixture.givenNoPriorActivity()
                .when(impose(List.of(documentMethod(ISSUED))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotImposeAnOrderWithoutRequirements() {
        fixture.givenNoPriorActivity()
                .when(impose(List.of()))
                .expectNoEvents()
                .expectException(violation("order-without-requirements"));
    }

    @Test
    void cannotImposeARequirementWhoseDeadlineIsBeforeTheIssuedDate() {
        fixture.givenNoPriorActivity()
                .when(impose(List.of(documentMethod(ISSUED.minusDays(1)))))
                .expectNoEvents()
                .expectException(violation("deadline-before-issue"));
    }

    @Test
    void cannotImposeARequirementWithoutATheme() {
        var withoutTheme = new Requirement(REQUIREMENT_1, "Titel", "ændring", null, ISSUED.plusMonths(1));
        fixture.givenNoPriorActivity()
                .when(impose(List.of(withoutTheme)))
                .expectNoEvents()
                .expectException(violation("requirement-incomplete"));
    }

    @Test
    void cannotImposeTwoRequirementsWithTheSameId() {
        var twin = new Requirement(REQUIREMENT_1, "Tvilling", "ændring", QualityTheme.KOMPETENCER, ISSUED);
        fixture.givenNoPriorActivity()
                .when(impose(List.of(documentMethod(ISSUED), twin)))
                .expectNoEvents()
                .expectException(violation("requirement-incomplete"));
    }

    @Test
    void cannotImposeAnOrderWithoutLegalBasis() {
        var command = new ImposeSupervisoryOrder(ORDER, "socialtilsyn-hovedstaden", "kk-handicap", "ST-1", " ",
                ISSUED, null, List.of(documentMethod(ISSUED)), URGENT);
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(violation("order-incomplete"));
    }
}
