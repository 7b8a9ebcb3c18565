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
    OVERDUE;

    /**
     * The one rule for where a requirement stands, from what its events say, on a given day: verified as met (and
     * accepted if the authority accepted the order) wins; else a deadline missed or passed makes it overdue; else any
     * work serving it makes it in progress; else a plan makes it planned. The dossier, the dossier as of any instant
     * and the overview all ask this rule; the command side's own rule of a missed deadline ({@code misses}) decides
     * the same "verified as met" from the same events.
     *
     * @param daysLeft days from the day asked about to the deadline; negative once it has passed
     */
    public static RequirementStatus of(boolean verifiedAsMet, boolean orderAccepted, boolean deadlineMissed,
                                       long daysLeft, boolean workUnderWay, boolean planned) {
        if (verifiedAsMet) {
            return orderAccepted ? ACCEPTED : VERIFIED;
        }
        if (deadlineMissed || daysLeft < 0) {
            return OVERDUE;
        }
        if (workUnderWay) {
            return IN_PROGRESS;
        }
        return planned ? PLANNED : OPEN;
    }
}
