package dk.tilsynsspor.core.order.query;

public record Participation(
        String professionalId,
        String name,
        int sessionsAttended,
        int insightsRecorded) {
}
