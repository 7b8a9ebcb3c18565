package dk.tilsynsspor.query.overview;

import dk.tilsynsspor.core.order.ActionPlanReviewed;
import dk.tilsynsspor.core.order.ActionPlanSubmitted;
import dk.tilsynsspor.core.order.ComplianceRejected;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.Evidence;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.NoticeResponded;
import dk.tilsynsspor.core.order.PlanVerdict;
import dk.tilsynsspor.core.order.QualityImprovementVerified;
import dk.tilsynsspor.core.order.QualityTheme;
import dk.tilsynsspor.core.order.Rejection;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.order.query.AwaitingOrganisation;
import dk.tilsynsspor.core.order.query.AwaitingOrganisation.Kind;
import dk.tilsynsspor.query.dossier.FoldedDossier;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AwaitingOrganisationTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private final UUID orderId = UUID.randomUUID();
    private final UUID method = UUID.randomUUID();
    private final UUID restraint = UUID.randomUUID();
    private final List<Requirement> requirements = List.of(
            new Requirement(method, "Metode", "beskriv metoden", QualityTheme.OTHER, ISSUED.plusMonths(3)),
            new Requirement(restraint, "Magt", "færre magtanvendelser", QualityTheme.OTHER, ISSUED.plusMonths(6)));

    private FoldedDossier imposed() {
        return new FoldedDossier(orderId).then(new SupervisoryOrderImposed(orderId, "socialtilsyn-hovedstaden",
                "kk-handicap", "ST-1", "§ 8", ISSUED, null, requirements));
    }

    private static List<AwaitingOrganisation> awaiting(FoldedDossier order, LocalDate today) {
        return OverviewQueries.awaiting(order.on(today), today);
    }

    @Test
    void anImposedOrderWaitsForItsAcknowledgementAndNothingElseYet() {
        assertThat(awaiting(imposed(), TODAY)).extracting(AwaitingOrganisation::kind, AwaitingOrganisation::since,
                AwaitingOrganisation::requirementId).containsExactly(
                tuple(Kind.ACKNOWLEDGE_ORDER, FoldedDossier.at(1), null));
        assertThat(awaiting(imposed().then(new SupervisoryOrderAcknowledged(orderId, "kk-handicap")), TODAY))
                .isEmpty();
    }

    @Test
    void aNoticeWaitsForItsAnswerUntilAnsweredOrItsDeadlinePassed() {
        LocalDate due = ISSUED.plusDays(14);
        FoldedDossier notice = new FoldedDossier(orderId).then(new NoticeOfOrderGiven(orderId,
                "socialtilsyn-hovedstaden", "kk-handicap", "ST-1", "§ 8", ISSUED, null, requirements, due));

        assertThat(awaiting(notice, due)).extracting(AwaitingOrganisation::kind, AwaitingOrganisation::due)
                .as("its last day").containsExactly(tuple(Kind.ANSWER_NOTICE, due));
        assertThat(awaiting(notice, due.plusDays(1))).as("too late to answer").isEmpty();
        assertThat(awaiting(notice.then(new NoticeResponded(orderId, 1, "Vi retter op", List.of())), due))
                .isEmpty();
    }

    @Test
    void aPlanToChangeAVerifiedRequirementToReportAndOneSentBackWaitWithTheAuthoritysWordsOldestFirst() {
        FoldedDossier order = imposed().then(new SupervisoryOrderAcknowledged(orderId, "kk-handicap"))
                .then(new ActionPlanSubmitted(orderId, restraint, 1, "kursus", "Lene", List.of()))
                .then(new QualityImprovementVerified(orderId, method, true, "nået",
                        new Evidence(List.of(), List.of())))
                .then(new ComplianceReportSubmitted(orderId, "rapport", List.of(method)))
                .then(ComplianceRejected.of(orderId, List.of(new Rejection(method, "for tyndt belæg"))))
                .then(new ActionPlanReviewed(orderId, restraint, 1, PlanVerdict.NEEDS_CHANGES, "mangler datoer"));

        assertThat(awaiting(order, TODAY)).extracting(AwaitingOrganisation::kind, AwaitingOrganisation::number,
                AwaitingOrganisation::remark, AwaitingOrganisation::since).containsExactly(
                tuple(Kind.REWORK_REQUIREMENT, 1, "for tyndt belæg", FoldedDossier.at(6)),
                tuple(Kind.REVISE_PLAN, 2, "mangler datoer", FoldedDossier.at(7)));

        FoldedDossier reworked = order.then(new QualityImprovementVerified(orderId, method, true, "nu nået",
                        new Evidence(List.of(), List.of())))
                .then(new ActionPlanSubmitted(orderId, restraint, 2, "kursus med datoer", "Lene", List.of()));
        assertThat(awaiting(reworked, TODAY)).as("verified again: to report; a new plan: the authority's turn")
                .extracting(AwaitingOrganisation::kind, AwaitingOrganisation::requirementId)
                .containsExactly(tuple(Kind.REPORT_REQUIREMENT, method));

        assertThat(awaiting(reworked.then(new ComplianceReportSubmitted(orderId, "igen", List.of(method))), TODAY))
                .as("reported: the authority's turn").isEmpty();
    }
}
