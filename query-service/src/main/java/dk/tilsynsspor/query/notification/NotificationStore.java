package dk.tilsynsspor.query.notification;

import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.query.projection.BatchedWrites;
import dk.tilsynsspor.query.trail.StoredText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Writes notifications, each once by its key, and reads a user's own. */
@Component
class NotificationStore {

    /** What one user sees of a notification. */
    record Seen(UUID notificationId, String kind, String text, UUID orderId, UUID caseId, Instant createdAt,
                boolean unread) {
    }

    static final int MAX_LISTED = 200;
    private static final String FOR_USER = """
            ((n.audience_role = ? AND n.audience_scope = ?) OR n.audience_user = ?)""";

    private static final String INSERT = """
            INSERT INTO query.notification (notification_id, dedup_key, audience_role, audience_scope,
                audience_user, kind, text, order_id, case_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final MailDeliveries mail;

    NotificationStore(JdbcTemplate jdbc, MailDeliveries mail) {
        this.jdbc = jdbc;
        this.mail = mail;
    }

    /**
     * Tells {@code audience} once: a second call with the same key and audience adds nothing. A new notification is
     * also queued for e-mail to the audience's addresses when an SMTP server is configured ({@link MailDeliveries}).
     */
    void tell(String key, Audience audience, String kind, String text, UUID orderId, UUID caseId, Instant at) {
        List<UUID> created = jdbc.queryForList(INSERT + " RETURNING notification_id", UUID.class,
                row(key, audience, kind, text, orderId, caseId, at));
        if (!created.isEmpty()) {
            mail.queue(created.get(0), audience, at);
        }
    }

    /**
     * As {@link #tell(String, Audience, String, String, UUID, UUID, Instant)}, with a projection's batch: without
     * e-mail the notification is written with the batch's other notifications, in one JDBC batch (nothing else of
     * the batch reads them); with e-mail it is written at once, after the batch's earlier writes (the addresses it
     * is mailed to may be among them), to learn whether it is new.
     */
    void tell(BatchedWrites writes, String key, Audience audience, String kind, String text, UUID orderId,
              UUID caseId, Instant at) {
        if (mail.enabled()) {
            writes.flush();
            tell(key, audience, kind, text, orderId, caseId, at);
        } else {
            writes.addAhead(INSERT, row(key, audience, kind, text, orderId, caseId, at));
        }
    }

    private static Object[] row(String key, Audience audience, String kind, String text, UUID orderId, UUID caseId,
                                Instant at) {
        return new Object[] {UUID.randomUUID(), StoredText.of(key + "|" + audience.key()),
                audience.role() == null ? null : audience.role().name(), audience.scope(), audience.user(), kind,
                StoredText.of(text), orderId, caseId, Timestamp.from(at)};
    }

    List<Seen> of(Actor actor) {
        return jdbc.query("""
                SELECT n.notification_id, n.kind, n.text, n.order_id, n.case_id, n.created_at,
                       r.notification_id IS NULL AS unread
                  FROM query.notification n
                  LEFT JOIN query.notification_read r ON r.notification_id = n.notification_id AND r.user_id = ?
                 WHERE""" + FOR_USER + " ORDER BY n.created_at DESC, n.notification_id LIMIT " + MAX_LISTED,
                (rs, row) -> new Seen(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                        rs.getTimestamp(6).toInstant(), rs.getBoolean(7)),
                actor.id(), role(actor), actor.scope(), actor.id());
    }

    int unread(Actor actor) {
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM query.notification n
                 WHERE""" + FOR_USER + """
                   AND NOT EXISTS (SELECT 1 FROM query.notification_read r
                                    WHERE r.notification_id = n.notification_id AND r.user_id = ?)""",
                Integer.class, role(actor), actor.scope(), actor.id(), actor.id());
        return count == null ? 0 : count;
    }

    /** Marks the notification read for this user; empty if it is not one of theirs (answered as unknown). */
    Optional<UUID> markRead(Actor actor, UUID notificationId, Instant at) {
        List<UUID> own = jdbc.queryForList("SELECT n.notification_id FROM query.notification n WHERE "
                + "n.notification_id = ? AND" + FOR_USER, UUID.class, notificationId, role(actor), actor.scope(),
                actor.id());
        if (own.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("""
                INSERT INTO query.notification_read (notification_id, user_id, read_at) VALUES (?, ?, ?)
                ON CONFLICT (notification_id, user_id) DO NOTHING""", notificationId, actor.id(),
                Timestamp.from(at));
        return Optional.of(notificationId);
    }

    /**
     * Marks read for this user every notification of theirs made at or before {@code until}, those beyond the list's
     * {@value #MAX_LISTED} too; answers how many were unread.
     */
    int markAllRead(Actor actor, Instant until, Instant at) {
        return jdbc.update("""
                INSERT INTO query.notification_read (notification_id, user_id, read_at)
                SELECT n.notification_id, ?, ? FROM query.notification n
                 WHERE""" + FOR_USER + """
                   AND n.created_at <= ?
                ON CONFLICT (notification_id, user_id) DO NOTHING""",
                actor.id(), Timestamp.from(at), role(actor), actor.scope(), actor.id(), Timestamp.from(until));
    }

    /** The user's address as their token gives it; their choice to opt out stays. */
    void remember(Actor actor, String email) {
        jdbc.update("""
                INSERT INTO query.user_contact (user_id, role, scope, email) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET role = excluded.role, scope = excluded.scope, email = excluded.email
                 WHERE query.user_contact.email IS DISTINCT FROM excluded.email
                    OR query.user_contact.role <> excluded.role OR query.user_contact.scope <> excluded.scope""",
                actor.id(), role(actor), actor.scope(), StoredText.of(email));
    }

    boolean mailed(Actor actor) {
        return !jdbc.queryForList("""
                SELECT 1 FROM query.user_contact WHERE user_id = ? AND email IS NOT NULL AND NOT opted_out""",
                Integer.class, actor.id()).isEmpty();
    }

    void optOut(Actor actor, boolean optedOut) {
        jdbc.update("""
                INSERT INTO query.user_contact (user_id, role, scope, email, opted_out) VALUES (?, ?, ?, NULL, ?)
                ON CONFLICT (user_id) DO UPDATE SET opted_out = excluded.opted_out""",
                actor.id(), role(actor), actor.scope(), optedOut);
    }

    private static String role(Actor actor) {
        Role role = actor.role();
        return role == null ? null : role.name();
    }
}
