package dk.tilsynsspor.command.casework;

import dk.tilsynsspor.command.deadline.DanishCalendar;
import dk.tilsynsspor.command.lookup.OrderDirectory;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.casework.AssessCitizenProgress;
import dk.tilsynsspor.core.casework.CitizenProgressAssessed;
import dk.tilsynsspor.core.casework.DimensionScore;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The citizen's progress as the team assesses it over time (second round, part 4): scores 1 to 10 on the
 * organisation's own dimensions, sealed under the case's key and erased with it. An entity of {@link CitizenCase}.
 */
final class CaseProgress {

    static final int MAX_DIMENSIONS = 30;
    static final int MAX_DIMENSION_LENGTH = 100;
    static final int MAX_NOTE_LENGTH = 5000;

    private final CitizenCase kase;
    private final Set<UUID> assessments = new HashSet<>();

    CaseProgress(CitizenCase kase) {
        this.kase = kase;
    }

    @CommandHandler
    void handle(AssessCitizenProgress command, Actor actor, OrderDirectory orders) {
        kase.guard(actor, orders, Role.LEADER, Role.PROFESSIONAL);
        kase.assertOpen();
        if (command.assessmentId() == null || assessments.contains(command.assessmentId())) {
            throw RuleViolation.conflict("assessment-exists", "Assessment " + command.assessmentId()
                    + " is recorded already.");
        }
        if (command.assessedOn() == null || command.assessedOn().isAfter(DanishCalendar.today())) {
            throw RuleViolation.unprocessable("assessment-incomplete", "An assessment needs the day it was made, "
                    + "today at the latest.").at("assessedOn");
        }
        assertScores(command);
        if (command.note() != null) {
            if (command.note().length() > MAX_NOTE_LENGTH) {
                throw RuleViolation.unprocessable("assessment-incomplete", "A note holds at most "
                        + MAX_NOTE_LENGTH + " characters.").at("note");
            }
            CaseRules.assertNoCprNumber(command.note(), "note");
        }
        apply(new CitizenProgressAssessed(command.caseId(), kase.orderId(), command.assessmentId(), actor.id(),
                command.assessedOn(), DimensionScore.encode(command.scores()), command.note()));
    }

    /** At least one score, at most {@value #MAX_DIMENSIONS}; each dimension named once; each score 1 to 10. */
    private static void assertScores(AssessCitizenProgress command) {
        if (command.scores() == null || command.scores().isEmpty() || command.scores().size() > MAX_DIMENSIONS) {
            throw RuleViolation.unprocessable("assessment-incomplete", "An assessment scores the citizen on 1 to "
                    + MAX_DIMENSIONS + " dimensions.").at("scores");
        }
        Set<String> named = new HashSet<>();
        for (int i = 0; i < command.scores().size(); i++) {
            DimensionScore score = command.scores().get(i);
            String at = "scores[" + i + "].";
            String dimension = score == null ? null : score.dimension();
            if (dimension == null || dimension.isBlank() || dimension.length() > MAX_DIMENSION_LENGTH
                    || dimension.contains("=") || dimension.chars().anyMatch(Character::isISOControl)
                    || !named.add(dimension.strip().toLowerCase())) {
                throw RuleViolation.unprocessable("invalid-dimension", "Name each dimension once, in at most "
                        + MAX_DIMENSION_LENGTH + " characters, without '=' or line breaks.").at(at + "dimension");
            }
            if (score.score() < 1 || score.score() > 10) {
                throw RuleViolation.unprocessable("score-out-of-range", "A score lies from 1 to 10.")
                        .at(at + "score");
            }
        }
    }

    @EventSourcingHandler
    void on(CitizenProgressAssessed event) {
        assessments.add(event.assessmentId());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CaseProgress that && assessments.equals(that.assessments);
    }

    @Override
    public int hashCode() {
        return assessments.hashCode();
    }
}
