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
    /**
     * The request's {@code Idempotency-Key}, as a digest of the actor, the key and the request (22 characters): the aggregate that
     * applied a command recognises a repeat of it from its own events.
     */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private AuditMetadata() {
    }
}
