package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.lookup.InsightDirectory.RecordedInsight;
import dk.tilsynsspor.command.lookup.DocumentDirectory;
import dk.tilsynsspor.command.lookup.DocumentDirectory.AttachedDocument;
import dk.tilsynsspor.command.lookup.InsightDirectory;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.order.CloseSupervisoryOrder;
import dk.tilsynsspor.core.order.DefineQualityGoal;
import dk.tilsynsspor.core.order.ImposeSupervisoryOrder;
import dk.tilsynsspor.core.order.QualityGoalDefined;
import dk.tilsynsspor.core.order.QualityMeasurementRecorded;
import dk.tilsynsspor.core.order.RecordQualityMeasurement;
import dk.tilsynsspor.core.order.Rejection;
import dk.tilsynsspor.core.order.Remedy;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.SubmitActionPlan;
import dk.tilsynsspor.core.order.VerifyQualityImprovement;
import dk.tilsynsspor.core.order.Evidence;
import dk.tilsynsspor.core.order.EvidenceKind;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dk.tilsynsspor.command.rules.RuleViolation.requireText;

/** The named guards of {@link SupervisoryOrder}: each throws a {@link RuleViolation} with a stable code. */
final class OrderRules {

    private OrderRules() {
    }

    static void assertWellFormed(ImposeSupervisoryOrder command) {
        requireText(command.authorityId(), "order-incomplete", "An order needs an authority.");
        requireText(command.organisationId(), "order-incomplete", "An order needs an organisation.");
        requireText(command.reference(), "order-incomplete", "An order needs a reference (journal number).");
        requireText(command.legalBasis(), "order-incomplete", "An order needs a legal basis.");
        if (command.issuedOn() == null) {
            throw RuleViolation.unprocessable("order-incomplete", "An order needs an issued date.");
        }
        if (command.requirements() == null || command.requirements().isEmpty()) {
            throw RuleViolation.unprocessable("order-without-requirements",
                    "An order must state at least one requirement.");
        }
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < command.requirements().size(); i++) {
            assertRequirementWellFormed(command.requirements().get(i), i + 1, command.issuedOn(), ids);
        }
    }

    private static void assertRequirementWellFormed(Requirement requirement, int number, LocalDate issuedOn,
                                                    Set<UUID> ids) {
        String which = "Requirement " + number;
        if (requirement.requirementId() == null || !ids.add(requirement.requirementId())) {
            throw RuleViolation.unprocessable("requirement-incomplete", which + " needs an id of its own.");
        }
        if (isBlank(requirement.title()) || isBlank(requirement.requiredChange())
                || requirement.qualityTheme() == null || requirement.deadline() == null) {
            throw RuleViolation.unprocessable("requirement-incomplete",
                    which + " needs a title, the required practice change, a quality theme and a deadline.");
        }
        if (requirement.deadline().isBefore(issuedOn)) {
            throw RuleViolation.unprocessable("deadline-before-issue", which + " ('" + requirement.title()
                    + "') has deadline " + requirement.deadline() + ", before the order was issued on "
                    + issuedOn + ".").at("requirements[" + (number - 1) + "].deadline");
        }
    }

    static void assertActionPlanComplete(SubmitActionPlan command) {
        requireText(command.plannedChanges(), "action-plan-incomplete", "An action plan needs its planned changes.");
        requireText(command.responsibleLeader(), "action-plan-incomplete",
                "An action plan needs a responsible leader.");
        if (command.milestones() == null) {
            throw RuleViolation.unprocessable("action-plan-incomplete", "An action plan needs its milestones.");
        }
    }

    static void assertGoalImproves(DefineQualityGoal command) {
        requireText(command.indicator(), "quality-goal-incomplete", "A quality goal needs an indicator.");
        requireText(command.unit(), "quality-goal-incomplete", "A quality goal needs a unit.");
        if (command.baseline() == null || command.target() == null || command.direction() == null) {
            throw RuleViolation.unprocessable("quality-goal-incomplete",
                    "A quality goal needs a baseline, a target and a direction.");
        }
        if (!command.direction().improvesOn(command.target(), command.baseline())) {
            throw RuleViolation.unprocessable("target-not-an-improvement", "Target " + command.target()
                    + " is no improvement on baseline " + command.baseline() + " when "
                    + command.direction().name().toLowerCase().replace('_', ' ') + ".").at("target");
        }
    }

    static void assertMeasurementComplete(RecordQualityMeasurement command) {
        if (command.measurementId() == null || command.value() == null || command.measuredOn() == null) {
            throw RuleViolation.unprocessable("measurement-incomplete",
                    "A measurement needs an id, a value and the date it was measured.");
        }
        requireText(command.source(), "measurement-incomplete", "A measurement needs its source.");
    }

    /** The verification cites at least one piece of each kind of evidence the requirement needs. */
    static void assertEvidenceCited(VerifyQualityImprovement command, OrderRequirement requirement) {
        requireText(command.conclusion(), "verification-incomplete", "A verification needs a conclusion.");
        Evidence evidence = command.evidence() == null ? new Evidence(null, null, null) : command.evidence();
        Map<EvidenceKind, List<UUID>> cited = Map.of(EvidenceKind.INSIGHT, evidence.insights(),
                EvidenceKind.MEASUREMENT, evidence.measurements(), EvidenceKind.DOCUMENT, evidence.documents());
        List<String> missing = requirement.requiredEvidence().stream().filter(kind -> cited.get(kind).isEmpty())
                .map(kind -> switch (kind) {
                    case INSIGHT -> "an insight recorded for it";
                    case MEASUREMENT -> "a measurement of its goal";
                    case DOCUMENT -> "a document attached for it";
                }).toList();
        if (!missing.isEmpty()) {
            throw RuleViolation.unprocessable("evidence-missing", "Verifying " + requirement.describe()
                    + " must cite at least " + String.join(", and at least ", missing) + ".");
        }
    }

    static void assertDocumentServes(DocumentDirectory documents, UUID documentId, UUID orderId, UUID requirementId,
                                     OrderRequirement requirement) {
        // a document of another order answers as an unknown one: no answer tells what exists
        AttachedDocument document = documents.findDocument(documentId)
                .filter(found -> found.orderId().equals(orderId))
                .orElseThrow(() -> RuleViolation.unprocessable("unknown-document",
                        "No document " + documentId + " has been attached for this order."));
        if (!document.requirementId().equals(requirementId)) {
            throw RuleViolation.unprocessable("document-serves-another-requirement", "Document " + documentId
                    + " was attached for another requirement, not for " + requirement.describe() + ".");
        }
        if (document.withdrawn()) {
            throw RuleViolation.unprocessable("document-withdrawn", "Document " + documentId
                    + " is withdrawn: a verification may not cite it.");
        }
    }

    static void assertInsightServes(InsightDirectory insights, UUID insightId, UUID orderId, UUID requirementId,
                                    OrderRequirement requirement) {
        // an insight of another order answers as an unknown one: no answer tells what exists
        RecordedInsight insight = insights.findInsight(insightId).filter(found -> found.orderId().equals(orderId))
                .orElseThrow(() -> RuleViolation.unprocessable("unknown-insight",
                        "No insight " + insightId + " has been recorded for this order."));
        if (!insight.requirementId().equals(requirementId)) {
            throw RuleViolation.unprocessable("insight-serves-another-requirement", "Insight " + insightId
                    + " was recorded for another requirement, not for " + requirement.describe() + ".");
        }
    }

    static void assertGoalReached(OrderRequirement requirement) {
        QualityGoalDefined goal = requirement.assertGoal();
        QualityMeasurementRecorded latest = requirement.latestMeasurement().orElseThrow();
        if (!goal.direction().reaches(latest.value(), goal.target())) {
            throw RuleViolation.unprocessable("goal-not-met", "The goal of " + requirement.describe()
                    + " is not met: the latest measurement (" + latest.measuredOn() + ") is " + latest.value() + " "
                    + goal.unit() + ", the target " + goal.target() + ". Verify it as not met, or measure again.");
        }
    }

    /** A rejection names the requirements it sends back, each once and each with its reason. */
    static List<Rejection> assertRejectionsReasoned(List<Rejection> rejections) {
        if (rejections == null || rejections.isEmpty()) {
            throw RuleViolation.unprocessable("rework-not-named", "Name the requirements to rework, each with the "
                    + "reason.").at("rejections");
        }
        Set<UUID> named = new HashSet<>();
        for (int i = 0; i < rejections.size(); i++) {
            Rejection rejection = rejections.get(i);
            if (rejection == null || rejection.requirementId() == null || !named.add(rejection.requirementId())) {
                throw RuleViolation.unprocessable("rework-not-named", "Name each requirement to rework once.")
                        .at("rejections[" + i + "].requirementId");
            }
            if (isBlank(rejection.reason())) {
                throw RuleViolation.unprocessable("reason-required", "A rejection needs a reason for each "
                        + "requirement it sends back.").at("rejections[" + i + "].reason");
            }
        }
        return List.copyOf(rejections);
    }

    /** A deadline the authority sets or the organisation proposes lies after the requirement's current one. */
    static void assertLater(LocalDate deadline, OrderRequirement requirement, String field) {
        if (deadline == null || !deadline.isAfter(requirement.deadline())) {
            throw RuleViolation.unprocessable("deadline-not-later", "The new deadline of " + requirement.describe()
                    + " must be later than " + requirement.deadline() + ".").at(field);
        }
    }

    /**
     * Closing states the outcome: {@code COMPLIED} once every requirement is settled (accepted, or annulled by an
     * appeal); {@code WITHDRAWN} and {@code NOT_COMPLIED} with a reason; {@code ANNULLED} only after an appeal annulled
     * requirements of the order (annulling them all ends the order by itself).
     */
    static void assertOutcomeStated(CloseSupervisoryOrder command, boolean accepted, boolean annulledByAppeal) {
        if (command.outcome() == null) {
            throw RuleViolation.unprocessable("outcome-required", "Closing an order states its outcome: COMPLIED, "
                    + "WITHDRAWN, NOT_COMPLIED or ANNULLED.").at("outcome");
        }
        switch (command.outcome()) {
            case COMPLIED -> {
                if (!accepted) {
                    throw RuleViolation.conflict("not-complied-yet", "The order can close as complied with only "
                            + "once the authority has accepted every requirement.").at("outcome");
                }
            }
            case WITHDRAWN -> requireReason(command.reason(), "Withdrawing an order");
            case NOT_COMPLIED -> requireReason(command.reason(), "Closing an order as not complied with");
            case ANNULLED -> {
                if (!annulledByAppeal) {
                    throw RuleViolation.conflict("no-annulling-appeal", "An order closes as annulled only after an "
                            + "appeal annulled it, and none has.").at("outcome");
                }
            }
        }
    }

    /** The organisation has at least {@value #MIN_RESPONSE_DAYS} days to answer a notice. */
    static final int MIN_RESPONSE_DAYS = 7;

    static void assertResponseDue(LocalDate noticeGivenOn, LocalDate responseDue) {
        if (responseDue == null || responseDue.isBefore(noticeGivenOn.plusDays(MIN_RESPONSE_DAYS))) {
            throw RuleViolation.unprocessable("response-due-too-soon", "The organisation must have at least "
                    + MIN_RESPONSE_DAYS + " days to answer a notice: the answer can be due on "
                    + noticeGivenOn.plusDays(MIN_RESPONSE_DAYS) + " at the earliest.").at("responseDue");
        }
    }

    /** An order imposed on a notice is issued on the notice's day or later. */
    static void assertNotBefore(LocalDate issuedOn, LocalDate noticeGivenOn) {
        if (issuedOn.isBefore(noticeGivenOn)) {
            throw RuleViolation.unprocessable("issued-before-notice", "The order cannot be issued before its notice "
                    + "was given (" + noticeGivenOn + ").").at("issuedOn");
        }
    }

    /** Each remedy answers one draft requirement of the notice, once, with its text. */
    static void assertRemediesOfDrafts(List<Remedy> remedies, NoticeOfOrderGiven notice) {
        Set<UUID> drafts = new HashSet<>();
        notice.requirements().forEach(r -> drafts.add(r.requirementId()));
        Set<UUID> answered = new HashSet<>();
        for (int i = 0; i < remedies.size(); i++) {
            Remedy remedy = remedies.get(i);
            if (remedy == null || remedy.requirementId() == null || !drafts.contains(remedy.requirementId())
                    || !answered.add(remedy.requirementId())) {
                throw RuleViolation.unprocessable("unknown-draft-requirement", "Each remedy answers one draft "
                        + "requirement of the notice, once.").at("remedies[" + i + "].requirementId");
            }
            if (isBlank(remedy.remedy())) {
                throw RuleViolation.unprocessable("notice-response-incomplete", "Say how the organisation will "
                        + "put the requirement right.").at("remedies[" + i + "].remedy");
            }
        }
    }

    static void requireReason(String reason, String what) {
        requireText(reason, "reason-required", what + " needs a reason.");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
