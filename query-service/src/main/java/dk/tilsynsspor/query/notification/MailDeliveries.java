package dk.tilsynsspor.query.notification;

import dk.tilsynsspor.core.contact.Party;
import dk.tilsynsspor.core.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * E-mail of notifications through the SMTP server Spring's mail support is configured with ({@code spring.mail.*},
 * e.g. {@code SPRING_MAIL_HOST}); without one, nothing is queued and the in-app list is all. A new notification is
 * queued once per address: the registered address of the organisation (leaders) or authority (inspectors) it is
 * for, and the users of that role and scope who gave one in their token's {@code email} claim and did not opt out.
 * A sweep sends what is due, each delivery claimed by one instance ({@code FOR UPDATE SKIP LOCKED}); a failed one is
 * tried again later, waiting twice as long each time (at most an hour), and never dropped. Every attempt is kept.
 */
@Component
class MailDeliveries {

    private static final Logger log = LoggerFactory.getLogger(MailDeliveries.class);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final int BATCH = 20;

    private record Due(UUID deliveryId, String recipient, String text, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean enabled;
    private final String from;
    private final String pagesUrl;
    private final Duration firstRetry;

    MailDeliveries(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> sender, TransactionTemplate transactions,
                   Clock clock, @Value("${spring.mail.host:}") String host,
                   @Value("${tilsynsspor.mail.from:tilsynsspor@localhost}") String from,
                   @Value("${tilsynsspor.pages-url:http://localhost:8082}") String pagesUrl,
                   @Value("${tilsynsspor.mail.first-retry:PT30S}") Duration firstRetry) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.transactions = transactions;
        this.clock = clock;
        this.enabled = !host.isBlank();
        this.from = from;
        this.pagesUrl = pagesUrl;
        this.firstRetry = firstRetry;
    }

    /** Whether e-mail is configured: then each new notification is queued for its audience's addresses. */
    boolean enabled() {
        return enabled;
    }

    /** Queues the notification for each address its audience has, if e-mail is configured. */
    void queue(UUID notificationId, Audience audience, Instant at) {
        if (!enabled) {
            return;
        }
        List<String> recipients = audience.user() != null
                ? jdbc.queryForList("""
                        SELECT email FROM query.user_contact
                         WHERE user_id = ? AND email IS NOT NULL AND NOT opted_out""", String.class, audience.user())
                : jdbc.queryForList("""
                        SELECT email FROM query.party_contact WHERE party = ? AND party_id = ?
                        UNION
                        SELECT email FROM query.user_contact
                         WHERE role = ? AND scope = ? AND email IS NOT NULL AND NOT opted_out""", String.class,
                        (audience.role() == Role.INSPECTOR ? Party.AUTHORITY : Party.ORGANISATION).name(),
                        audience.scope(), audience.role().name(), audience.scope());
        for (String recipient : recipients) {
            jdbc.update("""
                    INSERT INTO query.mail_delivery (delivery_id, notification_id, recipient, status, next_attempt_at)
                    VALUES (?, ?, ?, 'PENDING', ?) ON CONFLICT (notification_id, recipient) DO NOTHING""",
                    UUID.randomUUID(), notificationId, recipient, Timestamp.from(at));
        }
    }

    @Scheduled(fixedDelayString = "${tilsynsspor.mail.interval:PT10S}",
            initialDelayString = "${tilsynsspor.mail.initial-delay:PT10S}")
    void sendDue() {
        JavaMailSender mail = sender.getIfAvailable();
        if (!enabled || mail == null) {
            return;
        }
        Integer claimed;
        do {
            claimed = transactions.execute(status -> sendBatch(mail));
        } while (claimed != null && claimed == BATCH);
    }

    /** Sends what is due, at most a batch; how many deliveries it claimed (those that failed wait till later). */
    private int sendBatch(JavaMailSender mail) {
        Instant now = clock.instant();
        List<Due> due = jdbc.query("""
                SELECT d.delivery_id, d.recipient, n.text, d.attempts
                  FROM query.mail_delivery d JOIN query.notification n ON n.notification_id = d.notification_id
                 WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?
                 ORDER BY d.next_attempt_at LIMIT ? FOR UPDATE OF d SKIP LOCKED""",
                (rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)),
                Timestamp.from(now), BATCH);
        for (Due delivery : due) {
            String error = send(mail, delivery);
            int attempts = delivery.attempts() + 1;
            jdbc.update("INSERT INTO query.mail_attempt (delivery_id, attempted_at, error) VALUES (?, ?, ?)",
                    delivery.deliveryId(), Timestamp.from(now), error);
            if (error == null) {
                jdbc.update("""
                        UPDATE query.mail_delivery SET status = 'SENT', attempts = ?, sent_at = ?
                         WHERE delivery_id = ?""", attempts, Timestamp.from(now), delivery.deliveryId());
            } else {
                jdbc.update("UPDATE query.mail_delivery SET attempts = ?, next_attempt_at = ? WHERE delivery_id = ?",
                        attempts, Timestamp.from(now.plus(backOff(firstRetry, attempts))), delivery.deliveryId());
            }
        }
        return due.size();
    }

    /** Null when the server took it, else why not. */
    private String send(JavaMailSender mail, Due delivery) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(delivery.recipient());
        message.setSubject(subject(delivery.text()));
        message.setText(delivery.text() + "\n\nSe dine notifikationer i Tilsynsspor: " + pagesUrl
                + "/notifikationer\n");
        try {
            mail.send(message);
            return null;
        } catch (RuntimeException failure) {
            log.warn("E-mail {} to {} failed (it is tried again later): {}", delivery.deliveryId(),
                    delivery.recipient(), failure.toString());
            String why = String.valueOf(failure.getMessage());
            return why.length() > 2000 ? why.substring(0, 2000) : why;
        }
    }

    /**
     * The notification's text as a subject line: on one line (a reference or title typed with a line break), and cut
     * to about 70 characters between two characters, never inside one (an emoji is two chars).
     */
    static String subject(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) > 70) {
            line = line.substring(0, line.offsetByCodePoints(0, 67)) + "...";
        }
        return "Tilsynsspor: " + line;
    }

    /** The first wait (30 s by default), then twice as long after each failure, at most an hour. */
    static Duration backOff(Duration firstRetry, int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
