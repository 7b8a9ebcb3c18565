package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.casework.CitizenCaseOpened;
import dk.tilsynsspor.core.casework.LearningSessionHeld;
import dk.tilsynsspor.core.order.ActionPlanReviewed;
import dk.tilsynsspor.core.order.ActionPlanSubmitted;
import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.DeadlineExtensionRequested;
import dk.tilsynsspor.core.order.Evidence;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.NoticeResponded;
import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.OrderPublished;
import dk.tilsynsspor.core.order.OrderUnpublished;
import dk.tilsynsspor.core.order.PlanVerdict;
import dk.tilsynsspor.core.order.QualityImprovementVerified;
import dk.tilsynsspor.core.order.QualityTheme;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.RequirementDeadlineMissed;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.SupervisoryOrderEscalated;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.OrderDeadlines;
import dk.tilsynsspor.core.order.query.RequirementDossier;
import dk.tilsynsspor.core.order.query.RequirementStatus;
import dk.tilsynsspor.core.order.query.WorkQueue.OverdueRequirement;
import dk.tilsynsspor.core.order.query.WorkQueue.PlanToReview;
import dk.tilsynsspor.query.dossier.FoldedDossier;
import dk.tilsynsspor.query.overview.OverviewReads;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OrderWaitingTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 1);

    private final UUID orderId = UUID.randomUUID();
    private final UUID method = UUID.randomUUID();
    private final UUID restraint = UUID.randomUUID();
    private final UUID records = UUID.randomUUID();
    private final List<Requirement> requirements = List.of(
            new Requirement(method, "Metode", "beskriv metoden", QualityTheme.OTHER, LocalDate.of(2026, 12, 1)),
            new Requirement(restraint, "Magt", "færre magtanvendelser", QualityTheme.OTHER, LocalDate.of(2027, 1, 1)),
            new Requirement(records, "Journal", "journalfør", QualityTheme.OTHER, LocalDate.of(2027, 2, 1)));

    private FoldedDossier acknowledged() {
        return new FoldedDossier(orderId).then(new SupervisoryOrderImposed(orderId, "socialtilsyn-hovedstaden",
                        "kk-handicap", "ST-1", "§ 8", ISSUED, null, requirements))
                .then(new SupervisoryOrderAcknowledged(orderId, "kk-handicap"));
    }

    /**
     * Whichever day the order was folded on, the requirements it finds overdue on a later day are those the dossier
     * of that day shows overdue, with the same days left: a deadline passing, a deadline recorded as missed; never a
     * requirement verified.
     */
    @Test
    void theRequirementsOverdueOnADayAreThoseTheDossierOfThatDayShowsWhicheverDayItWasFolded() {
        FoldedDossier order = acknowledged()
                .then(new QualityImprovementVerified(orderId, restraint, true, "nået",
                        new Evidence(List.of(), List.of())))
                .then(new RequirementDeadlineMissed(orderId, records, LocalDate.of(2027, 2, 1)));
        List<LocalDate> days = List.of(LocalDate.of(2026, 11, 15), LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 2), LocalDate.of(2027, 1, 5), LocalDate.of(2027, 3, 1));
        for (LocalDate folded : days) {
            OrderWaiting waiting = OrderWaiting.of(order.on(folded), 4);
            for (LocalDate day : days.subList(days.indexOf(folded), days.size())) {
                assertThat(waiting.overdueOn(day)).as("folded on %s, read on %s", folded, day)
                        .extracting(item -> item.requirement().requirementId(), OverdueRequirement::daysLeft)
                        .containsExactlyElementsOf(order.on(day).requirements().stream()
                                .filter(r -> r.status() == RequirementStatus.OVERDUE)
                                .map(r -> tuple(r.requirementId(), r.daysLeft())).toList());
            }
        }
        assertThat(OrderWaiting.of(order.on(days.get(0)), 4).overdueOn(LocalDate.of(2026, 12, 2)))
                .extracting(item -> item.requirement().number()).as("the check above is not empty")
                .containsExactly(1, 3);
    }

    /**
     * The order list's deadline counts, from the share folded on any earlier day, are those the dossier of the day
     * shows: requirements overdue, and requirements due soon by the overview's rule.
     */
    @Test
    void theDeadlinesCountedOnADayAreThoseTheDossierOfThatDayShowsWhicheverDayItWasFolded() {
        FoldedDossier order = acknowledged()
                .then(new QualityImprovementVerified(orderId, restraint, true, "nået",
                        new Evidence(List.of(), List.of())));
        List<LocalDate> days = List.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 17),
                LocalDate.of(2026, 11, 18), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2),
                LocalDate.of(2027, 1, 20), LocalDate.of(2027, 2, 2));
        for (LocalDate folded : days) {
            OrderWaiting waiting = OrderWaiting.of(order.on(folded), 3);
            for (LocalDate day : days.subList(days.indexOf(folded), days.size())) {
                List<RequirementDossier> requirements = order.on(day).requirements();
                assertThat(waiting.deadlinesOn(day)).as("folded on %s, read on %s", folded, day)
                        .isEqualTo(new OrderDeadlines.Count(orderId,
                                (int) requirements.stream().filter(r -> r.status() == RequirementStatus.OVERDUE)
                                        .count(),
                                (int) requirements.stream().filter(r -> OverviewReads.dueSoon(r.status(),
                                        r.daysLeft())).count()));
            }
        }
        assertThat(OrderWaiting.of(order.on(days.get(0)), 3).deadlinesOn(LocalDate.of(2026, 11, 18)))
                .as("the check above is not only zeros").isEqualTo(new OrderDeadlines.Count(orderId, 0, 1));
        assertThat(OrderWaiting.of(order.on(days.get(0)), 3).deadlinesOn(LocalDate.of(2027, 1, 20)))
                .isEqualTo(new OrderDeadlines.Count(orderId, 1, 1));
    }

    @Test
    void anUnreviewedPlanAndAnUnansweredRequestWaitButNothingWaitsOnASettledRequirement() {
        UUID request = UUID.randomUUID();
        FoldedDossier order = acknowledged()
                .then(new ActionPlanSubmitted(orderId, method, 1, "kursus", "Lene", List.of()))
                .then(new ActionPlanReviewed(orderId, method, 1, PlanVerdict.NEEDS_CHANGES, "mangler datoer"))
                .then(new ActionPlanSubmitted(orderId, method, 2, "kursus med datoer", "Lene", List.of()))
                .then(new DeadlineExtensionRequested(orderId, restraint, request, LocalDate.of(2027, 1, 1),
                        LocalDate.of(2027, 3, 1), "sygdom"))
                .then(new ActionPlanSubmitted(orderId, restraint, 1, "registrering", "Lene", List.of()))
                .then(new QualityImprovementVerified(orderId, restraint, true, "nået",
                        new Evidence(List.of(), List.of())))
                .then(new ComplianceReportSubmitted(orderId, "rapport", List.of(restraint)));
        OrderWaiting reported = OrderWaiting.of(order.on(ISSUED.plusDays(20)), 8);

        assertThat(reported.plans()).extracting(item -> item.requirement().number(), PlanToReview::version,
                PlanToReview::submittedAt).containsExactly(tuple(1, 2, FoldedDossier.at(5)),
                tuple(2, 1, FoldedDossier.at(7)));
        assertThat(reported.extensions()).extracting(item -> item.requirement().number(),
                item -> item.proposedDeadline()).containsExactly(tuple(2, LocalDate.of(2027, 3, 1)));
        assertThat(reported.report().submittedAt()).isEqualTo(FoldedDossier.at(9));

        OrderWaiting accepted = OrderWaiting.of(order.then(new ComplianceAccepted(orderId, List.of(restraint),
                false)).on(ISSUED.plusDays(20)), 9);
        assertThat(accepted.report()).as("decided").isNull();
        assertThat(accepted.plans()).extracting(item -> item.requirement().number()).containsExactly(1);
        assertThat(accepted.extensions()).as("the requirement is settled").isEmpty();
        assertThat(accepted.deadlines()).extracting(watch -> watch.requirement().number()).containsExactly(1, 3);
    }

    @Test
    void aNoticeWaitsAsANoticeWithItsLastAnswer() {
        LocalDate due = ISSUED.plusDays(14);
        FoldedDossier notice = new FoldedDossier(orderId).then(new NoticeOfOrderGiven(orderId,
                "socialtilsyn-hovedstaden", "kk-handicap", "ST-1", "§ 8", ISSUED, null, requirements, due));

        OrderWaiting unanswered = OrderWaiting.of(notice.on(ISSUED), 0);
        assertThat(unanswered.notice().responseDue()).isEqualTo(due);
        assertThat(unanswered.notice().lastAnsweredAt()).isNull();
        assertThat(unanswered.deadlines()).as("drafts have no deadline to miss").isEmpty();

        OrderWaiting answered = OrderWaiting.of(notice.then(new NoticeResponded(orderId, 1, "Vi retter op",
                List.of())).then(new NoticeResponded(orderId, 2, "Og mere", List.of())).on(ISSUED), 2);
        assertThat(answered.notice().lastAnsweredAt()).isEqualTo(FoldedDossier.at(3));
    }

    @Test
    void aClosedOrderWaitsOnlyAsStillPublishedAndItsSkaerpetTilsynEndsWithIt() {
        UUID publication = UUID.randomUUID();
        FoldedDossier order = acknowledged()
                .then(new SupervisoryOrderEscalated(orderId, "gentagne fund", LocalDate.of(2027, 6, 1),
                        List.of(method)))
                .then(new OrderPublished(orderId, publication, "TILBUDSPORTALEN", "https://a.dk/1"));
        OrderWaiting open = OrderWaiting.of(order.on(ISSUED), 3);
        assertThat(open.escalated().reason()).isEqualTo("gentagne fund");
        assertThat(open.escalated().until()).isEqualTo(LocalDate.of(2027, 6, 1));
        assertThat(open.stillPublished()).isNull();

        FoldedDossier closed = order.then(new SupervisoryOrderClosed(orderId, "Efterlevet", false,
                OrderOutcome.COMPLIED));
        OrderWaiting published = OrderWaiting.of(closed.on(LocalDate.of(2027, 3, 1)), 4);
        assertThat(published.stillPublished().closedAt()).isEqualTo(FoldedDossier.at(5));
        assertThat(published.escalated()).isNull();
        assertThat(published.overdueOn(LocalDate.of(2027, 3, 1))).as("a closed order has nothing overdue").isEmpty();

        assertThat(OrderWaiting.of(closed.then(new OrderUnpublished(orderId, publication, "afsluttet"))
                .on(LocalDate.of(2027, 3, 1)), 5).stillPublished()).isNull();
    }

    /**
     * What waits is read off the order's own events only (the work queue folds no more): its cases' events, which
     * change the dossier, change nothing of it.
     */
    @Test
    void theCasesEventsChangeTheDossierButNothingThatWaits() {
        UUID caseId = UUID.randomUUID();
        FoldedDossier order = acknowledged()
                .then(new CitizenCaseOpened(caseId, orderId, "kk-handicap", "borger-1", List.of(method)))
                .then(new ActionPlanSubmitted(orderId, method, 1, "kursus", "Lene", List.of()))
                .then(new LearningSessionHeld(caseId, orderId, UUID.randomUUID(), ISSUED.plusDays(3), "Pia",
                        List.of("p1", "p2"), List.of(method)))
                .then(new DeadlineExtensionRequested(orderId, method, UUID.randomUUID(), LocalDate.of(2026, 12, 1),
                        LocalDate.of(2027, 1, 15), "sygdom"));
        LocalDate day = LocalDate.of(2026, 11, 20);
        ComplianceDossier whole = order.on(day);
        ComplianceDossier own = order.ownEventsOn(day);

        assertThat(whole.requirements().get(0).status()).as("the session is work under way")
                .isEqualTo(RequirementStatus.IN_PROGRESS);
        assertThat(own.requirements().get(0).status()).isEqualTo(RequirementStatus.PLANNED);
        assertThat(whole.cases()).hasSize(1);
        assertThat(own.cases()).isEmpty();
        assertThat(OrderWaiting.of(own, 5)).isEqualTo(OrderWaiting.of(whole, 5));
        assertThat(OrderWaiting.of(whole, 5).overdueOn(LocalDate.of(2026, 12, 10))).hasSize(1);
        assertThat(OrderWaiting.of(whole, 5).plans()).hasSize(1);
        assertThat(OrderWaiting.of(whole, 5).extensions()).hasSize(1);
    }
}
