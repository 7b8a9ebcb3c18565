package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.input.Amount;
import dk.tilsynsspor.command.input.OneLine;
import dk.tilsynsspor.command.input.PlausibleDate;
import dk.tilsynsspor.core.order.AppealOutcome;
import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.PlanVerdict;
import dk.tilsynsspor.core.order.QualityDirection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bodies of the order routes (syntax and required fields; the rules are the aggregate's). */
final class OrderRequests {

    private OrderRequests() {
    }

    /** {@code requirementIds} absent or empty: every requirement verified as met and not yet reported. */
    record ComplianceReportRequest(@NotBlank @Size(max = 20000) String summary,
                                   @Size(max = 50) List<@NotNull UUID> requirementIds) {
    }

    enum Decision { ACCEPT, REJECT }

    record RejectionRequest(@NotNull UUID requirementId, @NotBlank @Size(max = 5000) String reason) {
    }

    /**
     * ACCEPT with {@code requirementIds} (absent: every requirement awaiting a decision); REJECT with
     * {@code rejections}, or in the first round's form: one {@code reason} for the {@code requirementIds} named.
     */
    record DecisionRequest(@NotNull Decision decision, @Size(max = 5000) String reason,
                           @Size(max = 50) List<@NotNull UUID> requirementIds,
                           @Size(max = 50) @Valid List<@NotNull @Valid RejectionRequest> rejections) {
    }

    record RemedyRequest(@NotNull UUID requirementId, @NotBlank @Size(max = 10000) String remedy) {
    }

    record NoticeResponseRequest(@NotBlank @Size(max = 20000) String response,
                                 @Size(max = 50) @Valid List<@NotNull @Valid RemedyRequest> remedies) {
    }

    /** {@code requirementIds} absent or empty: every requirement still standing that no open appeal holds. */
    record AppealRequest(@NotNull @PlausibleDate LocalDate lodgedOn,
                         @Size(max = 50) List<@NotNull UUID> requirementIds) {
    }

    record AmendmentRequest(@NotNull UUID requirementId, @NotBlank @OneLine @Size(max = 500) String title,
                            @NotBlank @Size(max = 10000) String requiredChange,
                            @NotNull @PlausibleDate LocalDate deadline) {
    }

    record AppealDecisionRequest(@NotNull AppealOutcome outcome, @NotNull @PlausibleDate LocalDate decidedOn,
                                 @NotBlank @Size(max = 5000) String reason,
                                 @Size(max = 50) @Valid List<@NotNull @Valid AmendmentRequest> amendments) {
    }

    record ReasonRequest(@NotBlank @Size(max = 5000) String reason) {
    }

    record ClosureRequest(@NotNull OrderOutcome outcome, @Size(max = 5000) String reason) {
    }

    record DeadlineRequest(@NotNull @PlausibleDate LocalDate newDeadline, @NotBlank @Size(max = 5000) String reason,
                           UUID requestId) {
    }

    record EscalationRequest(@NotBlank @Size(max = 5000) String reason, @NotNull @PlausibleDate LocalDate until,
                             @Size(max = 50) List<@NotNull UUID> requirementIds) {
    }

    record EscalationExtensionRequest(@NotNull @PlausibleDate LocalDate until,
                                      @NotBlank @Size(max = 5000) String reason) {
    }

    record PublicationRequest(@NotBlank @OneLine @Size(max = 200) String place,
                              @NotBlank @OneLine @Size(max = 2000) String url) {
    }

    record CommentRequest(@NotBlank @Size(max = 10000) String text) {
    }

    record ReviewRequest(@NotNull PlanVerdict verdict, @Size(max = 10000) String remarks) {
    }

    record ExtensionRequest(@NotNull @PlausibleDate LocalDate proposedDeadline,
                            @NotBlank @Size(max = 5000) String reason) {
    }

    record MilestoneRequest(@NotBlank @Size(max = 2000) String description, @NotNull @PlausibleDate LocalDate dueOn) {
    }

    record ActionPlanRequest(@NotBlank @Size(max = 20000) String plannedChanges,
                             @NotBlank @OneLine @Size(max = 200) String responsibleLeader,
                             @NotNull @Size(max = 50) @Valid List<@NotNull @Valid MilestoneRequest> milestones) {
    }

    record QualityGoalRequest(@NotBlank @OneLine @Size(max = 500) String indicator,
                              @NotBlank @OneLine @Size(max = 100) String unit,
                              @NotNull @Amount BigDecimal baseline, @NotNull @Amount BigDecimal target,
                              @NotNull QualityDirection direction) {
    }

    record MeasurementRequest(UUID id, @NotNull @Amount BigDecimal value, @NotNull @PlausibleDate LocalDate measuredOn,
                              @NotBlank @OneLine @Size(max = 500) String source) {
    }

    /** Citing no evidence is a broken rule of the domain (422), not a malformed request. */
    record EvidenceRequest(@Size(max = 200) List<@NotNull UUID> insightIds,
                           @Size(max = 200) List<@NotNull UUID> measurementIds,
                           @Size(max = 200) List<@NotNull UUID> documentIds) {
    }

    record VerificationRequest(@NotNull Boolean goalMet, @NotBlank @Size(max = 20000) String conclusion,
                               @Valid EvidenceRequest evidence) {
    }
}
