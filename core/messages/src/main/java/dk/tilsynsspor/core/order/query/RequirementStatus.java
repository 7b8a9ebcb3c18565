package dk.tilsynsspor.core.order.query;

/** Where one requirement stands, as the dossier shows it to the inspector. */
public enum RequirementStatus {
    /** A draft requirement of a notice (partshøring): not imposed (yet). */
    NOTICE,
    /** Imposed, nothing planned yet. */
    OPEN,
    /** An action plan (handleplan) is submitted. */
    PLANNED,
    /** Work is under way: a quality goal, measurements, sessions or insights serve it, or it was sent back. */
    IN_PROGRESS,
    /** The leader verified the improvement, citing evidence. */
    VERIFIED,
    /** Reported to the authority: awaiting its decision, the follow-up frozen until then. */
    REPORTED,
    /** The authority accepted compliance with it: settled. */
    ACCEPTED,
    /** The deadline passed before the requirement was verified. */
    OVERDUE,
    /** Amended by an appeal's decision (new text and deadline), not verified since. */
    AMENDED,
    /** Annulled by an appeal's decision: settled, nothing more to follow up. */
    ANNULLED;

    /** Settled for good (accepted or annulled): nothing more waits on it, and it can no longer be appealed. */
    public boolean settled() {
        return this == ACCEPTED || this == ANNULLED;
    }

    /** Imposed and not settled: its follow-up (plans, verification, requests, comments) may still change it. */
    public boolean inFollowUp() {
        return this != NOTICE && !settled();
    }

    /**
     * Decided by the requirement's events whatever its deadline (a draft, annulled, accepted, reported or verified):
     * the deadline's passing does not make it overdue. Any other status is overdue once the deadline has passed or
     * was recorded as missed ({@link #of}).
     */
    public boolean decidedWhateverTheDeadline() {
        for (Standing standing : Standing.values()) {
            if (standing.decided == this) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the authority's and the appeal's decisions, and the leader's verification, have made of a requirement,
     * strongest first: what the follow-up cannot override.
     */
    public enum Standing {
        DRAFT(NOTICE), ANNULLED(RequirementStatus.ANNULLED), ACCEPTED(RequirementStatus.ACCEPTED),
        REPORTED(RequirementStatus.REPORTED), VERIFIED(RequirementStatus.VERIFIED), AMENDED(null), NONE(null);

        /** The status this standing is whatever the deadline and the work; null where they decide. */
        private final RequirementStatus decided;

        Standing(RequirementStatus decided) {
            this.decided = decided;
        }

        /** The standing from the facts of the requirement's events, the strongest that holds. */
        public static Standing of(boolean draft, boolean annulled, boolean accepted, boolean reported,
                                  boolean verifiedAsMet, boolean amended) {
            if (draft) {
                return DRAFT;
            }
            if (annulled) {
                return ANNULLED;
            }
            if (accepted) {
                return ACCEPTED;
            }
            if (reported) {
                return REPORTED;
            }
            if (verifiedAsMet) {
                return VERIFIED;
            }
            return amended ? AMENDED : NONE;
        }
    }

    /**
     * The one rule for where a requirement stands, from what its events say, on a given day: a draft, an annulled,
     * accepted, reported or verified requirement is that, whatever its deadline; else a deadline missed or passed
     * makes it overdue; else an amendment by appeal shows until it is verified again; else any work serving it makes
     * it in progress; else a plan makes it planned. The dossier, the dossier as of any instant and the overview all
     * ask this rule; the command side's own rule of a missed deadline ({@code misses}) decides the same "verified as
     * met" from the same events.
     *
     * @param daysLeft days from the day asked about to the deadline; negative once it has passed
     */
    public static RequirementStatus of(Standing standing, boolean deadlineMissed, long daysLeft,
                                       boolean workUnderWay, boolean planned) {
        if (standing.decided != null) {
            return standing.decided;
        }
        if (deadlineMissed || daysLeft < 0) {
            return OVERDUE;
        }
        if (standing == Standing.AMENDED) {
            return AMENDED;
        }
        if (workUnderWay) {
            return IN_PROGRESS;
        }
        return planned ? PLANNED : OPEN;
    }
}
