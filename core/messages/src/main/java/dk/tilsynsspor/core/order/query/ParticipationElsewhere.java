package dk.tilsynsspor.core.order.query;

import java.time.LocalDate;

/**
 * One of the organisation's own professionals on the teams of another organisation's open cases (cross-sector
 * teams): on how many of that organisation's cases, the learning sessions attended and insights recorded there, and
 * the latest session attended. It names no citizen and no case: the cases are the other organisation's, and the
 * leaders of the professional's home organisation see their part in them, nothing of them.
 */
public record ParticipationElsewhere(
        String professionalId,
        String name,
        String caseOrganisationId,
        int cases,
        int sessionsAttended,
        int insightsRecorded,
        LocalDate lastSessionOn) {
}
