package dk.tilsynsspor.core.order.query;

/** Where one requirement stands, as the dossier shows it to the inspector. */
public enum RequirementStatus {
    /** Imposed, nothing planned yet. */
    OPEN,
    /** An action plan (handleplan) is submitted. */
    PLANNED,
    /** Work is under way: a quality goal, measurements, sessions or insights serve it, or it was sent back. */
    IN_PROGRESS,
    /** The leader verified the improvement, citing evidence. */
    VERIFIED,
    /** The authority accepted the compliance report. */
    ACCEPTED,
    /** The deadline passed before the requirement was verified. */
    OVERDUE
}
