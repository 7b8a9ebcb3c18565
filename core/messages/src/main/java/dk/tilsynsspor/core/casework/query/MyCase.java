package dk.tilsynsspor.core.casework.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One case on a professional's list: the citizen by their reference, the order the case serves by its reference
 * (null for a case serving none; so two cases of one citizen under two orders are told apart) and whether that order
 * is closed (the case goes on after it as the organisation's own development), whether the case is closed, how much
 * learning it holds, and when something last happened on it (so the professional sees what is new).
 */
public record MyCase(
        UUID caseId,
        UUID orderId,
        String orderReference,
        boolean orderClosed,
        String citizenRef,
        boolean closed,
        int sessions,
        int insights,
        LocalDate lastSessionOn,
        Instant lastActivityAt,
        String lastEventType,
        String lastActorName,
        int sessionsAwaitingMyInsight) {
}
