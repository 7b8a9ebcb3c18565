package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.access.Actors;
import dk.tilsynsspor.core.order.AcknowledgeSupervisoryOrder;
import dk.tilsynsspor.core.order.GiveNoticeOfOrder;
import dk.tilsynsspor.core.order.ImposeSupervisoryOrder;
import dk.tilsynsspor.core.order.LetNoticeLapse;
import dk.tilsynsspor.core.order.NoticeLapsed;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.NoticeResponded;
import dk.tilsynsspor.core.order.PublishOrder;
import dk.tilsynsspor.core.order.Remedy;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.RespondToNotice;
import dk.tilsynsspor.core.order.SubmitActionPlan;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dk.tilsynsspor.command.order.SupervisoryOrderTest.ORDER;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.REQUIREMENT_1;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.REQUIREMENT_2;
import static dk.tilsynsspor.command.rules.Violations.violation;

/** Partshøring before an order (forvaltningsloven § 19): notice, answer, lapse, imposition on the notice. */
class NoticeTest {

    private AggregateTestFixture<SupervisoryOrder> fixture;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupervisoryOrder.class);
        fixture.registerCommandDispatchInterceptor(Actors.byDefault());
        today = LocalDate.ofInstant(fixture.currentTime(), RequirementDeadline.ZONE);
    }

    private List<Requirement> drafts() {
        return List.of(SupervisoryOrderTest.documentMethod(today.plusMonths(3)),
                SupervisoryOrderTest.lowArousal(today.plusMonths(6)));
    }

    private GiveNoticeOfOrder notice(LocalDate responseDue) {
        return new GiveNoticeOfOrder(ORDER, "socialtilsyn-hovedstaden", "kk-handicap", "ST-2026-0042",
                "Lov om socialtilsyn § 8", today, "Varsel om påbud", drafts(), responseDue);
    }

    private NoticeOfOrderGiven noticeGiven(LocalDate on, LocalDate responseDue) {
        return new NoticeOfOrderGiven(ORDER, "socialtilsyn-hovedstaden", "kk-handicap", "ST-2026-0042",
                "Lov om socialtilsyn § 8", on, "Varsel om påbud", drafts(), responseDue);
    }

    private NoticeOfOrderGiven noticeGiven() {
        return noticeGiven(today, today.plusDays(14));
    }

    private NoticeResponded answered() {
        return new NoticeResponded(ORDER, 1, "Vi retter op", List.of(new Remedy(REQUIREMENT_1, "ny metode")));
    }

    private List<Requirement> imposedRequirements() {
        var reworded = new Requirement(REQUIREMENT_2, "Low arousal, omformuleret", "staff use low arousal",
                SupervisoryOrderTest.lowArousal(today).qualityTheme(), today.plusMonths(6));
        return List.of(SupervisoryOrderTest.documentMethod(today.plusMonths(3)), reworded);
    }

    @Test
    void givesNoticeWithTheDraftRequirementsAndTheAnswersDay() {
        fixture.givenNoPriorActivity()
                .when(notice(today.plusDays(14)))
                .expectEvents(noticeGiven());
    }

    @Test
    void theOrganisationHasAtLeastSevenDaysToAnswer() {
        fixture.givenNoPriorActivity().when(notice(today.plusDays(6)))
                .expectNoEvents().expectException(violation("response-due-too-soon"));
        fixture.givenNoPriorActivity().when(notice(today.plusDays(7)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aNoticeIsWellFormedAsAnOrderIs() {
        fixture.givenNoPriorActivity()
                .when(new GiveNoticeOfOrder(ORDER, "socialtilsyn-hovedstaden", "kk-handicap", "ST-1",
                        "Lov om socialtilsyn § 8", today, null, List.of(), today.plusDays(14)))
                .expectNoEvents().expectException(violation("order-without-requirements"));
    }

    @Test
    void onlyAnInspectorOfTheAuthorityGivesNotice() {
        fixture.givenNoPriorActivity().when(notice(today.plusDays(14)), Actors.OTHER_INSPECTOR)
                .expectNoEvents().expectException(violation("not-your-authority"));
    }

    @Test
    void theOrganisationAnswersWithRemediesForDraftRequirements() {
        fixture.given(noticeGiven())
                .when(new RespondToNotice(ORDER, "Vi retter op", List.of(new Remedy(REQUIREMENT_1, "ny metode"))))
                .expectResultMessagePayload(1)
                .expectEvents(answered());
    }

    @Test
    void anAnswerNeedsItsText() {
        fixture.given(noticeGiven()).when(new RespondToNotice(ORDER, " ", List.of()))
                .expectNoEvents().expectException(violation("notice-response-incomplete"));
    }

    @Test
    void aRemedyAnswersADraftRequirementOfTheNotice() {
        fixture.given(noticeGiven())
                .when(new RespondToNotice(ORDER, "svar", List.of(new Remedy(UUID.randomUUID(), "noget"))))
                .expectNoEvents().expectException(violation("unknown-draft-requirement"));
    }

    @Test
    void theAnswerMayBeReplacedUntilItIsDue() {
        fixture.given(noticeGiven(), answered())
                .when(new RespondToNotice(ORDER, "Bedre svar", List.of()))
                .expectResultMessagePayload(2)
                .expectEvents(new NoticeResponded(ORDER, 2, "Bedre svar", List.of()));
    }

    @Test
    void afterItsDayTheAnswerCannotBeReplaced() {
        fixture.given(noticeGiven(today.minusDays(20), today.minusDays(1)), answered())
                .when(new RespondToNotice(ORDER, "For sent", List.of()))
                .expectNoEvents().expectException(violation("notice-already-answered"));
    }

    @Test
    void onlyALeaderOfTheOrganisationAnswers() {
        fixture.given(noticeGiven()).when(new RespondToNotice(ORDER, "svar", List.of()), Actors.INSPECTOR)
                .expectNoEvents().expectException(violation("wrong-role"));
    }

    @Test
    void imposesOnTheNoticeOnceAnsweredWithRequirementsThatMayDiffer() {
        fixture.given(noticeGiven(), answered())
                .when(ImposeSupervisoryOrder.onNotice(ORDER, today.plusDays(3), "Påbud", imposedRequirements()))
                .expectEvents(new SupervisoryOrderImposed(ORDER, "socialtilsyn-hovedstaden", "kk-handicap",
                        "ST-2026-0042", "Lov om socialtilsyn § 8", today.plusDays(3), "Påbud",
                        imposedRequirements(), null, true));
    }

    @Test
    void imposesOnAnUnansweredNoticeOnlyAfterTheAnswersDay() {
        fixture.given(noticeGiven())
                .when(ImposeSupervisoryOrder.onNotice(ORDER, today, "Påbud", imposedRequirements()))
                .expectNoEvents().expectException(violation("notice-response-pending"));
        fixture.given(noticeGiven(today.minusDays(20), today.minusDays(1)))
                .when(ImposeSupervisoryOrder.onNotice(ORDER, today, "Påbud", imposedRequirements()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anOrderOnANoticeIsNotIssuedBeforeTheNotice() {
        fixture.given(noticeGiven(), answered())
                .when(ImposeSupervisoryOrder.onNotice(ORDER, today.minusDays(1), "Påbud", imposedRequirements()))
                .expectNoEvents().expectException(violation("issued-before-notice"));
    }

    @Test
    void imposingOnANoticeThatDoesNotExistIsAnUnknownOrder() {
        fixture.givenNoPriorActivity()
                .when(ImposeSupervisoryOrder.onNotice(ORDER, today, "Påbud", imposedRequirements()))
                .expectNoEvents().expectException(violation("unknown-id"));
    }

    @Test
    void aNoticeIsImposedOnce() {
        SupervisoryOrderImposed imposed = new SupervisoryOrderImposed(ORDER, "socialtilsyn-hovedstaden",
                "kk-handicap", "ST-2026-0042", "Lov om socialtilsyn § 8", today, "Påbud", imposedRequirements(),
                null, true);
        fixture.given(noticeGiven(), answered(), imposed)
                .when(ImposeSupervisoryOrder.onNotice(ORDER, today, "Påbud", imposedRequirements()))
                .expectNoEvents().expectException(violation("already-imposed"));
    }

    @Test
    void aNoticeIsNotYetAnOrder() {
        fixture.given(noticeGiven()).when(new AcknowledgeSupervisoryOrder(ORDER))
                .expectNoEvents().expectException(violation("order-in-notice"));
        fixture.given(noticeGiven()).when(new SubmitActionPlan(ORDER, REQUIREMENT_1, "plan", "leder", List.of()))
                .expectNoEvents().expectException(violation("order-in-notice"));
        fixture.given(noticeGiven()).when(new PublishOrder(ORDER, UUID.randomUUID(), "TILBUDSPORTALEN",
                        "https://tilbudsportalen.dk/x"))
                .expectNoEvents().expectException(violation("order-in-notice"));
    }

    @Test
    void letsTheNoticeLapseWithAReason() {
        fixture.given(noticeGiven(), answered()).when(new LetNoticeLapse(ORDER, "Svaret viser, hvordan der rettes op"))
                .expectEvents(new NoticeLapsed(ORDER, "Svaret viser, hvordan der rettes op"));
        fixture.given(noticeGiven()).when(new LetNoticeLapse(ORDER, ""))
                .expectNoEvents().expectException(violation("reason-required"));
    }

    @Test
    void aLapsedNoticeAcceptsNoCommand() {
        fixture.given(noticeGiven(), new NoticeLapsed(ORDER, "ingen grund"))
                .when(ImposeSupervisoryOrder.onNotice(ORDER, today, "Påbud", imposedRequirements()))
                .expectNoEvents().expectException(violation("notice-lapsed"));
        fixture.given(noticeGiven(), new NoticeLapsed(ORDER, "ingen grund"))
                .when(new RespondToNotice(ORDER, "svar", List.of()))
                .expectNoEvents().expectException(violation("notice-lapsed"));
    }

    @Test
    void aDirectImpositionCannotReuseTheIdOfANotice() {
        fixture.given(noticeGiven())
                .when(SupervisoryOrderTest.impose(imposedRequirements()))
                .expectNoEvents().expectException(violation("order-exists"));
    }

    @Test
    void imposingOnTheNoticeSchedulesTheRequirementsDeadlines() {
        fixture.given(noticeGiven(), answered())
                .when(ImposeSupervisoryOrder.onNotice(ORDER, today, "Påbud", imposedRequirements()))
                .expectScheduledDeadline(java.time.Duration.between(fixture.currentTime(),
                                new RequirementDeadline(REQUIREMENT_1, today.plusMonths(3)).passesAt()),
                        new RequirementDeadline(REQUIREMENT_1, today.plusMonths(3)));
    }
}
