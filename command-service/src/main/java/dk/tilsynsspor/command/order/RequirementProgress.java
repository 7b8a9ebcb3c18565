package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.order.QualityGoalDefined;
import dk.tilsynsspor.core.order.QualityMeasurementRecorded;
import dk.tilsynsspor.core.order.Requirement;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** How far one requirement of an order has come, as its order's events tell it. */
final class RequirementProgress {

    private final UUID requirementId;
    private final String title;
    private LocalDate deadline;
    private int actionPlanVersions;
    private QualityGoalDefined goal;
    private final Map<UUID, QualityMeasurementRecorded> measurements = new LinkedHashMap<>();
    private boolean verified;
    private LocalDate missedDeadline;

    RequirementProgress(Requirement requirement) {
        this.requirementId = requirement.requirementId();
        this.title = requirement.title();
        this.deadline = requirement.deadline();
    }

    String describe() {
        return "requirement '" + title + "' (" + requirementId + ")";
    }

    LocalDate deadline() {
        return deadline;
    }

    int nextActionPlanVersion() {
        return actionPlanVersions + 1;
    }

    boolean verified() {
        return verified;
    }

    void assertNoGoalYet() {
        if (goal != null) {
            throw RuleViolation.conflict("quality-goal-already-defined", "The quality goal of " + describe()
                    + " is already defined (" + goal.indicator() + ", target " + goal.target() + ").");
        }
    }

    QualityGoalDefined assertGoal() {
        if (goal == null) {
            throw RuleViolation.unprocessable("no-quality-goal",
                    "Define a quality goal for " + describe() + " before recording or citing measurements.");
        }
        return goal;
    }

    void assertNewMeasurement(UUID measurementId) {
        if (measurements.containsKey(measurementId)) {
            throw RuleViolation.conflict("measurement-exists",
                    "Measurement " + measurementId + " is recorded already.");
        }
    }

    void assertOwnMeasurement(UUID measurementId) {
        if (!measurements.containsKey(measurementId)) {
            throw RuleViolation.unprocessable("unknown-measurement", "Measurement " + measurementId
                    + " was not recorded for " + describe() + ".");
        }
    }

    /** The measurement taken last (by the date measured; of one day, the one recorded last). */
    Optional<QualityMeasurementRecorded> latestMeasurement() {
        return measurements.values().stream()
                .reduce((earlier, later) -> later.measuredOn().isBefore(earlier.measuredOn()) ? earlier : later);
    }

    /** Whether a deadline that fires for {@code scheduledFor} still means this requirement missed it. */
    boolean misses(LocalDate scheduledFor) {
        return !verified && scheduledFor.equals(deadline) && !scheduledFor.equals(missedDeadline);
    }

    void actionPlanSubmitted() {
        actionPlanVersions++;
    }

    void goalDefined(QualityGoalDefined event) {
        goal = event;
    }

    void measured(QualityMeasurementRecorded event) {
        measurements.put(event.measurementId(), event);
    }

    void verified(boolean goalMet) {
        verified = goalMet;
    }

    void sentBackForRework() {
        verified = false;
    }

    void deadlineMoved(LocalDate newDeadline) {
        deadline = newDeadline;
    }

    void deadlineMissed(LocalDate missed) {
        missedDeadline = missed;
    }

    /** Value equality, so that Axon's fixtures can compare state rebuilt from events with state after handling. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RequirementProgress that
                && requirementId.equals(that.requirementId) && title.equals(that.title)
                && deadline.equals(that.deadline) && actionPlanVersions == that.actionPlanVersions
                && Objects.equals(goal, that.goal) && measurements.equals(that.measurements)
                && verified == that.verified && Objects.equals(missedDeadline, that.missedDeadline);
    }

    @Override
    public int hashCode() {
        return requirementId.hashCode();
    }
}
