package dk.tilsynsspor.command.order;

import dk.tilsynsspor.core.order.EvidenceKind;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.QualityGoalDefined;
import dk.tilsynsspor.core.order.QualityMeasurementRecorded;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The state of a {@link SupervisoryOrder} as a snapshot stores it (ADR 21): every field of the order and of its
 * members, and the idempotency keys its commands applied with their answers, so that an order with a long history is
 * read from its latest snapshot and the events after it. Plain records for Jackson, never the aggregate itself (its
 * members point back to it).
 *
 * <p>A snapshot is only a shortcut: one of another revision is ignored ({@link OrderSnapshots#readable}) and the
 * order read from its events. Raise {@link #REVISION} whenever a field is added, removed or changes meaning, here or
 * in the events it holds ({@link QualityGoalDefined}, {@link NoticeOfOrderGiven}) or in the measurements (from
 * {@link QualityMeasurementRecorded}).
 */
@Revision(OrderSnapshot.REVISION)
record OrderSnapshot(UUID orderId, String authorityId, String organisationId, LocalDate issuedOn,
                     List<Requirement> requirements, Stage stage, Map<UUID, Boolean> publications,
                     Escalation escalation, List<Appeal> appeals, List<KeyAnswer> appliedKeys) {

    static final String REVISION = "2";

    record Requirement(UUID id, String title, LocalDate deadline, Set<EvidenceKind> requiredEvidence,
                       Map<UUID, Boolean> documents, int actionPlanVersions, QualityGoalDefined goal,
                       List<UUID> measurementIds, Measurement latestMeasurement, boolean verified,
                       LocalDate missedDeadline, boolean reported, boolean accepted, boolean annulled,
                       Dialogue dialogue) {
    }

    /**
     * The latest measurement as its {@link QualityMeasurementRecorded} recorded it, without the order's and
     * requirement's ids its snapshot holds once. The others are kept by id only (an order of years holds thousands,
     * and the snapshot is read whole before the first command to it).
     */
    record Measurement(UUID id, BigDecimal value, LocalDate measuredOn, String source) {

        static Measurement of(QualityMeasurementRecorded recorded) {
            return new Measurement(recorded.measurementId(), recorded.value(), recorded.measuredOn(),
                    recorded.source());
        }

        QualityMeasurementRecorded recorded(UUID orderId, UUID requirementId) {
            return new QualityMeasurementRecorded(orderId, requirementId, id, value, measuredOn, source);
        }
    }

    record Dialogue(int planVersions, Set<Integer> reviewedVersions, Set<UUID> extensionRequests,
                    UUID openRequest) {
    }

    record Stage(NoticeOfOrderGiven notice, int responses, boolean imposed, boolean lapsed, boolean acknowledged,
                 boolean closed) {
    }

    record Escalation(boolean escalated, LocalDate until) {
    }

    record Appeal(UUID id, LocalDate lodgedOn, List<UUID> requirementIds, boolean decided) {
    }

    /**
     * An idempotency key the order's events carry and what its command answered: a plan's or a notice response's
     * version, an appeal's id, a closure's outcome, or nothing (all null).
     */
    record KeyAnswer(String key, Integer version, UUID appealId, OrderOutcome outcome) {

        static KeyAnswer of(String key, Object answer) {
            if (answer == null) {
                return new KeyAnswer(key, null, null, null);
            } else if (answer instanceof Integer version) {
                return new KeyAnswer(key, version, null, null);
            } else if (answer instanceof UUID appealId) {
                return new KeyAnswer(key, null, appealId, null);
            } else if (answer instanceof OrderOutcome outcome) {
                return new KeyAnswer(key, null, null, outcome);
            }
            throw new IllegalArgumentException("An order's command answered with a " + answer.getClass().getName()
                    + ", which its snapshot cannot hold");
        }

        Object answer() {
            return version != null ? version : appealId != null ? appealId : outcome;
        }
    }
}
