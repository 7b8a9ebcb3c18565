package dk.tilsynsspor.command.casework;

import dk.tilsynsspor.command.access.Actors;
import dk.tilsynsspor.command.lookup.OrderDirectory;
import dk.tilsynsspor.core.casework.CaseLinkedToRequirements;
import dk.tilsynsspor.core.casework.CaseUnlinkedFromRequirements;
import dk.tilsynsspor.core.casework.ChooseDevelopmentTheme;
import dk.tilsynsspor.core.casework.CitizenCaseOpened;
import dk.tilsynsspor.core.casework.DevelopmentThemeChosen;
import dk.tilsynsspor.core.casework.ForgetCitizen;
import dk.tilsynsspor.core.casework.HoldLearningSession;
import dk.tilsynsspor.core.casework.LearningSessionHeld;
import dk.tilsynsspor.core.casework.LinkCaseToRequirements;
import dk.tilsynsspor.core.casework.OpenCitizenCase;
import dk.tilsynsspor.core.casework.ProfessionalAssignedToCase;
import dk.tilsynsspor.core.casework.UnlinkCaseFromRequirements;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dk.tilsynsspor.command.casework.CitizenCaseTest.CASE;
import static dk.tilsynsspor.command.casework.CitizenCaseTest.HELD;
import static dk.tilsynsspor.command.casework.CitizenCaseTest.ORDER;
import static dk.tilsynsspor.command.casework.CitizenCaseTest.OTHER_REQUIREMENT;
import static dk.tilsynsspor.command.casework.CitizenCaseTest.REQUIREMENT;
import static dk.tilsynsspor.command.casework.CitizenCaseTest.SESSION;
import static dk.tilsynsspor.command.casework.CitizenCaseTest.THEME;
import static dk.tilsynsspor.command.rules.Violations.violation;

/** Cases without an order, linked to requirements later and unlinked again (second round, part 4). */
class CaseLinksTest {

    static final UUID OTHER_ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID CLOSED_ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID FOREIGN_ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    static final UUID OTHER_ORDERS_REQUIREMENT = UUID.fromString("00000000-0000-0000-0000-000000000003");

    private AggregateTestFixture<CitizenCase> fixture;
    private final Map<UUID, OrderDirectory.KnownOrder> orders = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CitizenCase.class);
        fixture.registerCommandDispatchInterceptor(Actors.byDefault());
        orders.put(ORDER, new OrderDirectory.KnownOrder(ORDER, "socialtilsyn-hovedstaden", "kk-handicap",
                Set.of(REQUIREMENT, OTHER_REQUIREMENT), false));
        orders.put(OTHER_ORDER, new OrderDirectory.KnownOrder(OTHER_ORDER, "socialtilsyn-hovedstaden",
                "kk-handicap", Set.of(OTHER_ORDERS_REQUIREMENT), false));
        orders.put(CLOSED_ORDER, new OrderDirectory.KnownOrder(CLOSED_ORDER, "socialtilsyn-hovedstaden",
                "kk-handicap", Set.of(OTHER_ORDERS_REQUIREMENT), true));
        orders.put(FOREIGN_ORDER, new OrderDirectory.KnownOrder(FOREIGN_ORDER, "socialtilsyn-nord",
                "aarhus-psykiatri", Set.of(OTHER_ORDERS_REQUIREMENT), false));
        fixture.registerInjectableResource((OrderDirectory) id -> Optional.ofNullable(id == null ? null
                : orders.get(id)));
    }

    static CitizenCaseOpened openedWithoutAnOrder() {
        return new CitizenCaseOpened(CASE, null, "kk-handicap", "borger-0417", List.of());
    }

    static Object[] teamWithoutAnOrder() {
        return new Object[]{openedWithoutAnOrder(),
                new ProfessionalAssignedToCase(CASE, null, "paedagog", "Pia", "pædagog", "bosted", "kontaktperson"),
                new ProfessionalAssignedToCase(CASE, null, "psykolog", "Pernille", "psykolog", "psykiatri", "rådgiver")};
    }

    static Object[] with(Object[] events, Object... more) {
        return CitizenCaseTest.with(events, more);
    }

    @Test
    void aCaseIsOpenedWithoutAnOrderForOngoingDevelopment() {
        fixture.givenNoPriorActivity()
                .when(new OpenCitizenCase(CASE, "kk-handicap", "borger-0417", null, null))
                .expectEvents(openedWithoutAnOrder());
    }

    @Test
    void requirementsWithoutTheirOrderAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenCitizenCase(CASE, "kk-handicap", "borger-0417", null, List.of(REQUIREMENT)))
                .expectNoEvents().expectException(violation("case-incomplete"));
    }

    @Test
    void aCaseWithoutAnOrderHoldsSessionsAndChoosesThemesServingNoRequirement() {
        fixture.given(teamWithoutAnOrder())
                .when(new HoldLearningSession(CASE, SESSION, HELD, "leader", List.of("paedagog", "psykolog"), null))
                .expectEvents(new LearningSessionHeld(CASE, null, SESSION, HELD, "leader",
                        List.of("paedagog", "psykolog"), List.of()));
        fixture.given(teamWithoutAnOrder())
                .when(new ChooseDevelopmentTheme(CASE, THEME, "paedagog", "faste rutiner", null),
                        Actors.professional("paedagog"))
                .expectEvents(new DevelopmentThemeChosen(CASE, null, THEME, "paedagog", "faste rutiner", null));
    }

    @Test
    void aLeaderLinksTheCaseToRequirementsOfAnOpenOrderOfTheOrganisation() {
        fixture.given(teamWithoutAnOrder())
                .when(new LinkCaseToRequirements(CASE, ORDER, List.of(REQUIREMENT)))
                .expectEvents(new CaseLinkedToRequirements(CASE, ORDER, List.of(REQUIREMENT)));
    }

    @Test
    void onceLinkedItsThemesServeALinkedRequirement() {
        Object[] linked = with(teamWithoutAnOrder(), new CaseLinkedToRequirements(CASE, ORDER, List.of(REQUIREMENT)));
        fixture.given(linked)
                .when(new ChooseDevelopmentTheme(CASE, THEME, "paedagog", "faste rutiner", null),
                        Actors.professional("paedagog"))
                .expectNoEvents().expectException(violation("requirement-missing"));
        fixture.given(linked)
                .when(new ChooseDevelopmentTheme(CASE, THEME, "paedagog", "faste rutiner", OTHER_REQUIREMENT),
                        Actors.professional("paedagog"))
                .expectNoEvents().expectException(violation("requirement-not-served"));
        fixture.given(linked)
                .when(new ChooseDevelopmentTheme(CASE, THEME, "paedagog", "faste rutiner", REQUIREMENT),
                        Actors.professional("paedagog"))
                .expectEvents(new DevelopmentThemeChosen(CASE, ORDER, THEME, "paedagog", "faste rutiner",
                        REQUIREMENT));
    }

    @Test
    void onlyAnOpenOrderOfTheCasesOwnOrganisationCanBeLinked() {
        fixture.given(teamWithoutAnOrder())
                .when(new LinkCaseToRequirements(CASE, FOREIGN_ORDER, List.of(OTHER_ORDERS_REQUIREMENT)))
                .expectNoEvents().expectException(violation("unknown-order"));
        fixture.given(teamWithoutAnOrder())
                .when(new LinkCaseToRequirements(CASE, CLOSED_ORDER, List.of(OTHER_ORDERS_REQUIREMENT)))
                .expectNoEvents().expectException(violation("order-closed"));
        fixture.given(teamWithoutAnOrder())
                .when(new LinkCaseToRequirements(CASE, ORDER, List.of(OTHER_ORDERS_REQUIREMENT)))
                .expectNoEvents().expectException(violation("unknown-requirement"));
    }

    @Test
    void aCaseServesOneOrderAtATimeAndARequirementOnce() {
        Object[] linked = with(teamWithoutAnOrder(), new CaseLinkedToRequirements(CASE, ORDER, List.of(REQUIREMENT)));
        fixture.given(linked)
                .when(new LinkCaseToRequirements(CASE, OTHER_ORDER, List.of(OTHER_ORDERS_REQUIREMENT)))
                .expectNoEvents().expectException(violation("case-serves-another-order"));
        fixture.given(linked)
                .when(new LinkCaseToRequirements(CASE, ORDER, List.of(REQUIREMENT)))
                .expectNoEvents().expectException(violation("requirement-already-linked"));
        fixture.given(linked)
                .when(new LinkCaseToRequirements(CASE, ORDER, List.of(OTHER_REQUIREMENT)))
                .expectEvents(new CaseLinkedToRequirements(CASE, ORDER, List.of(OTHER_REQUIREMENT)));
    }

    @Test
    void onlyALeaderLinksAndUnlinks() {
        fixture.given(teamWithoutAnOrder())
                .when(new LinkCaseToRequirements(CASE, ORDER, List.of(REQUIREMENT)), Actors.professional("paedagog"))
                .expectNoEvents().expectException(violation("wrong-role"));
    }

    @Test
    void unlinkingTheLastRequirementLeavesACaseServingNoOrderThatMayThenServeAnother() {
        Object[] unlinked = with(teamWithoutAnOrder(),
                new CaseLinkedToRequirements(CASE, ORDER, List.of(REQUIREMENT)),
                new CaseUnlinkedFromRequirements(CASE, ORDER, List.of(REQUIREMENT)));
        fixture.given(unlinked)
                .when(new HoldLearningSession(CASE, SESSION, HELD, "leader", List.of("paedagog", "psykolog"),
                        List.of()))
                .expectEvents(new LearningSessionHeld(CASE, null, SESSION, HELD, "leader",
                        List.of("paedagog", "psykolog"), List.of()));
        fixture.given(unlinked)
                .when(new LinkCaseToRequirements(CASE, OTHER_ORDER, List.of(OTHER_ORDERS_REQUIREMENT)))
                .expectEvents(new CaseLinkedToRequirements(CASE, OTHER_ORDER, List.of(OTHER_ORDERS_REQUIREMENT)));
    }

    @Test
    void onlyARequirementTheCaseServesCanBeUnlinked() {
        fixture.given(teamWithoutAnOrder())
                .when(new UnlinkCaseFromRequirements(CASE, ORDER, List.of(REQUIREMENT)))
                .expectNoEvents().expectException(violation("requirement-not-served"));
        fixture.given(with(teamWithoutAnOrder(), new CaseLinkedToRequirements(CASE, ORDER, List.of(REQUIREMENT))))
                .when(new UnlinkCaseFromRequirements(CASE, ORDER, List.of(OTHER_REQUIREMENT)))
                .expectNoEvents().expectException(violation("requirement-not-served"));
    }

    @Test
    void anOrderTheCaseOnceServedKeepsItsEvidenceOnLegalHoldUntilItIsClosed() {
        fixture.given(with(teamWithoutAnOrder(),
                        new CaseLinkedToRequirements(CASE, ORDER, List.of(REQUIREMENT)),
                        new CaseUnlinkedFromRequirements(CASE, ORDER, List.of(REQUIREMENT))))
                .when(new ForgetCitizen(CASE, "Borgeren er flyttet"))
                .expectNoEvents().expectException(violation("legal-hold"));
    }
}
