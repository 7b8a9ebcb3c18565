package dk.tilsynsspor.core.audit;

/**
 * Keys of the metadata every command carries and every event inherits, so the audit trail can say who did what,
 * when and why. The time is the event's own timestamp.
 */
public final class AuditMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    /** The authority (inspectors) or organisation (everyone else) the actor acted for. */
    public static final String ACTOR_SCOPE = "actorScope";
    public static final String REASON = "reason";

    private AuditMetadata() {
    }
}
