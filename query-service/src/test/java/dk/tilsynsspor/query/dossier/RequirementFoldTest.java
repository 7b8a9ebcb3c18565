package dk.tilsynsspor.query.dossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.tilsynsspor.core.casework.CitizenCaseOpened;
import dk.tilsynsspor.core.casework.DevelopmentThemeChosen;
import dk.tilsynsspor.core.casework.LearningSessionHeld;
import dk.tilsynsspor.core.casework.ProfessionalAssignedToCase;
import dk.tilsynsspor.core.casework.ProfessionalReleasedFromCase;
import dk.tilsynsspor.core.casework.SessionInsightRecorded;
import dk.tilsynsspor.core.casework.query.CaseView;
import dk.tilsynsspor.core.order.ActionPlanSubmitted;
import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.Evidence;
import dk.tilsynsspor.core.order.QualityDirection;
import dk.tilsynsspor.core.order.QualityGoalDefined;
import dk.tilsynsspor.core.order.QualityImprovementVerified;
import dk.tilsynsspor.core.order.QualityMeasurementRecorded;
import dk.tilsynsspor.core.order.QualityTheme;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.RequirementDeadlineMissed;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.order.query.RequirementDossier;
import dk.tilsynsspor.core.order.query.RequirementStatus;
import dk.tilsynsspor.query.eventstore.EventJson;
import dk.tilsynsspor.query.trail.TrailEntry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The folds of a trail: a requirement's status and evidence through its life, and a case's view. */
class RequirementFoldTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final LocalDate DEADLINE = LocalDate.of(2027, 2, 1);
    private final EventReader reader = new EventReader(new EventJson(JSON));
    private final UUID orderId = UUID.randomUUID();
    private final UUID requirementId = UUID.randomUUID();
    private final UUID caseId = UUID.randomUUID();
    private final UUID sessionId = UUID.randomUUID();
    private final UUID insightId = UUID.randomUUID();
    private final UUID measurementId = UUID.randomUUID();
    private final List<TrailEntry> trail = new ArrayList<>();

    private RequirementFoldTest record(Object event) {
        boolean caseEvent = event.getClass().getPackageName().endsWith("casework");
        trail.add(new TrailEntry(orderId, trail.size() + 1, "event-" + trail.size(),
                (caseEvent ? caseId : orderId).toString(), trail.size(), event.getClass().getSimpleName(),
                event.getClass().getName(), Instant.parse("2026-11-02T10:00:00Z").plusSeconds(trail.size()),
                "leader", "LEADER", "kk-handicap", null, JSON.valueToTree(event), null));
        return this;
    }

    private RequirementDossier requirementOn(LocalDate today) {
        return DossierFold.fold(trail, reader, today, null).orElseThrow().requirements().get(0);
    }

    private RequirementFoldTest imposed() {
        return record(new SupervisoryOrderImposed(orderId, "socialtilsyn-hovedstaden", "kk-handicap", "ST-1", "§ 8",
                LocalDate.of(2026, 11, 1), null, List.of(new Requirement(requirementId, "Metode", "c",
                        QualityTheme.OTHER, DEADLINE))));
    }

    private RequirementFoldTest planned() {
        return record(new ActionPlanSubmitted(orderId, requirementId, 1, "plan", "leader", List.of()));
    }

    private RequirementFoldTest workedOn() {
        return record(new QualityGoalDefined(orderId, requirementId, "Magtanvendelser", "pr. md.",
                new BigDecimal("6"), new BigDecimal("2"), QualityDirection.LOWER_IS_BETTER))
                .record(new QualityMeasurementRecorded(orderId, requirementId, measurementId, new BigDecimal("2"),
                        LocalDate.of(2026, 12, 1), "log"))
                .record(new CitizenCaseOpened(caseId, orderId, "kk-handicap", "borger-1", List.of(requirementId)))
                .record(new ProfessionalAssignedToCase(caseId, orderId, "paedagog", "Pia", "pædagog", "social",
                        "kontakt"))
                .record(new DevelopmentThemeChosen(caseId, orderId, UUID.randomUUID(), "paedagog", "Low arousal",
                        requirementId))
                .record(new LearningSessionHeld(caseId, orderId, sessionId, LocalDate.of(2026, 11, 20), "Pia",
                        List.of("paedagog"), List.of(requirementId)))
                .record(new SessionInsightRecorded(caseId, orderId, sessionId, insightId, "paedagog",
                        requirementId, "indsigt", "ændret praksis"));
    }

    private RequirementFoldTest verified(boolean goalMet) {
        return record(new QualityImprovementVerified(orderId, requirementId, goalMet, "konklusion",
                new Evidence(List.of(insightId), List.of(measurementId))));
    }

    @Test
    void aRequirementGoesFromOpenToPlannedToInProgressToVerifiedToReportedToAccepted() {
        LocalDate today = LocalDate.of(2026, 12, 15);
        assertThat(imposed().requirementOn(today).status()).isEqualTo(RequirementStatus.OPEN);
        assertThat(planned().requirementOn(today).status()).isEqualTo(RequirementStatus.PLANNED);
        assertThat(workedOn().requirementOn(today).status()).isEqualTo(RequirementStatus.IN_PROGRESS);
        assertThat(verified(true).requirementOn(today).status()).isEqualTo(RequirementStatus.VERIFIED);
        assertThat(record(new ComplianceReportSubmitted(orderId, "rapport", List.of(requirementId)))
                .requirementOn(today).status()).isEqualTo(RequirementStatus.REPORTED);
        assertThat(record(new ComplianceAccepted(orderId, List.of(requirementId), true)).requirementOn(today)
                .status()).isEqualTo(RequirementStatus.ACCEPTED);
    }

    @Test
    void theVerificationsEvidenceIsResolvedToTheInsightAndMeasurementItCites() {
        RequirementDossier requirement = imposed().planned().workedOn().verified(true)
                .requirementOn(LocalDate.of(2026, 12, 15));

        assertThat(requirement.insights()).singleElement()
                .satisfies(insight -> assertThat(insight.insightId()).isEqualTo(insightId));
        assertThat(requirement.sessions()).hasSize(1);
        assertThat(requirement.themes()).hasSize(1);
        assertThat(requirement.qualityGoal().measurements()).hasSize(1);
        assertThat(requirement.verification()).isNotNull();
    }

    @Test
    void aVerificationThatTheGoalIsNotMetLeavesItInProgressAndAPassedDeadlineMakesItOverdue() {
        imposed().planned().workedOn().verified(false);
        assertThat(requirementOn(DEADLINE.minusDays(1)).status()).isEqualTo(RequirementStatus.IN_PROGRESS);
        assertThat(requirementOn(DEADLINE).status()).isEqualTo(RequirementStatus.IN_PROGRESS);
        assertThat(requirementOn(DEADLINE.plusDays(1)).status()).isEqualTo(RequirementStatus.OVERDUE);
        assertThat(requirementOn(DEADLINE.plusDays(1)).daysLeft()).isEqualTo(-1);
    }

    @Test
    void aMissedDeadlineRecordedByTheSchedulerMakesItOverdueEvenIfTheDayIsAskedBefore() {
        imposed().planned().record(new RequirementDeadlineMissed(orderId, requirementId, DEADLINE));

        RequirementDossier requirement = requirementOn(DEADLINE.minusDays(3));
        assertThat(requirement.status()).isEqualTo(RequirementStatus.OVERDUE);
        assertThat(requirement.deadlineMissed()).isTrue();
    }

    @Test
    void aCaseViewShowsItsTeamThemesSessionsAndInsightsAndWhoWasReleased() {
        imposed().workedOn().record(new ProfessionalReleasedFromCase(caseId, orderId, "paedagog"));
        List<TrailEntry> caseTrail = trail.stream().filter(e -> e.aggregateId().equals(caseId.toString())).toList();

        CaseView view = CaseFold.fold(caseTrail, reader).orElseThrow();

        assertThat(view.citizenRef()).isEqualTo("borger-1");
        assertThat(view.themes()).hasSize(1);
        assertThat(view.sessions()).singleElement()
                .satisfies(session -> assertThat(session.insights()).hasSize(1));
        assertThat(view.team()).noneMatch(member -> member.professionalId().equals("paedagog"));
    }
}
