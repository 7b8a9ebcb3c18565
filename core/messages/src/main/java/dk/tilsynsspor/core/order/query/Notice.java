package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.order.Requirement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The notice (partshøring) an order started with: the draft requirements, the organisation's answers (each version),
 * and, if the authority let it lapse, when and why.
 */
public record Notice(
        LocalDate issuedOn,
        Instant givenAt,
        String givenBy,
        LocalDate responseDue,
        List<Requirement> draftRequirements,
        List<NoticeAnswer> answers,
        Instant lapsedAt,
        String lapsedBy,
        String lapseReason) {

    public Notice answered(NoticeAnswer answer) {
        List<NoticeAnswer> all = new java.util.ArrayList<>(answers);
        all.add(answer);
        return new Notice(issuedOn, givenAt, givenBy, responseDue, draftRequirements, List.copyOf(all), lapsedAt,
                lapsedBy, lapseReason);
    }

    /** The organisation's answer as it stands: its latest version, which replaces the earlier ones. */
    public Optional<NoticeAnswer> answerInForce() {
        return answers.isEmpty() ? Optional.empty() : Optional.of(answers.get(answers.size() - 1));
    }

    /**
     * Whether the authority may impose the order on this notice on {@code today}: the organisation has answered, or
     * the last day to answer ({@code responseDue}, til og med) is over. Until then the organisation's answer is
     * awaited.
     */
    public boolean mayImpose(LocalDate today) {
        return !answers.isEmpty() || today.isAfter(responseDue);
    }

    public Notice lapsed(Instant at, String by, String reason) {
        return new Notice(issuedOn, givenAt, givenBy, responseDue, draftRequirements, answers, at, by, reason);
    }
}
