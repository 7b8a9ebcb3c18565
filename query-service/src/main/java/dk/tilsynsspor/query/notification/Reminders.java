package dk.tilsynsspor.query.notification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static dk.tilsynsspor.query.pages.PageFormats.written;

/**
 * Reminds the organisation's leaders of each requirement's deadline 14, 7 and 1 days before it, and of a notice's
 * answer due within {@value #NOTICE_DAYS} days; the authority's inspectors of skærpet tilsyn ending within
 * {@value #ESCALATION_DAYS} days. A sweep, every {@code tilsynsspor.reminders.interval}, finds what is
 * near; each reminder is keyed by the requirement, its deadline and the number of days it announces, so it is told
 * once, whichever instance sweeps and however often (an extended deadline is a new deadline, reminded of anew).
 * When a sweep finds a deadline nearer than several marks (the service was down, or the order was imposed with a
 * short deadline), it tells the nearest mark only.
 */
@Component
class Reminders {

    static final int[] DAYS_BEFORE = {1, 7, 14};
    static final int NOTICE_DAYS = 3;
    static final int ESCALATION_DAYS = 14;

    private final JdbcTemplate jdbc;
    private final NotificationStore store;
    private final Clock clock;

    Reminders(JdbcTemplate jdbc, NotificationStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tilsynsspor.reminders.interval:PT5M}",
            initialDelayString = "${tilsynsspor.reminders.initial-delay:PT20S}")
    void sweep() {
        LocalDate today = LocalDate.now(clock);
        jdbc.query("""
                SELECT r.order_id, r.requirement_id, r.number, r.title, r.deadline, o.organisation_id, o.reference
                  FROM query.notification_requirement r JOIN query.notification_order o ON o.order_id = r.order_id
                 WHERE NOT r.done AND NOT o.ended AND r.deadline BETWEEN ? AND ?""", rs -> {
            LocalDate deadline = rs.getDate("deadline").toLocalDate();
            long daysLeft = ChronoUnit.DAYS.between(today, deadline);
            int mark = nearestMark(daysLeft);
            UUID orderId = rs.getObject("order_id", UUID.class);
            store.tell("reminder:" + rs.getObject("requirement_id") + ":" + deadline + ":" + mark,
                    Audience.leadersOf(rs.getString("organisation_id")), "DEADLINE_NEAR",
                    "Fristen for krav " + rs.getInt("number") + " (" + rs.getString("title") + ") i påbud "
                            + rs.getString("reference") + " er " + written(deadline) + ": " + (daysLeft == 0 ? "i dag."
                            : daysLeft == 1 ? "i morgen." : "om " + daysLeft + " dage."),
                    orderId, null, clock.instant());
        }, Date.valueOf(today), Date.valueOf(today.plusDays(DAYS_BEFORE[DAYS_BEFORE.length - 1])));
        jdbc.query("""
                SELECT order_id, organisation_id, reference, response_due FROM query.notification_order
                 WHERE NOT ended AND response_due BETWEEN ? AND ?""", rs -> {
            LocalDate due = rs.getDate("response_due").toLocalDate();
            store.tell("notice-due:" + rs.getObject("order_id") + ":" + due,
                    Audience.leadersOf(rs.getString("organisation_id")), "NOTICE_RESPONSE_DUE",
                    "Svarfristen for varslet om påbud " + rs.getString("reference") + " er " + written(due) + ".",
                    rs.getObject("order_id", UUID.class), null, clock.instant());
        }, Date.valueOf(today), Date.valueOf(today.plusDays(NOTICE_DAYS)));
        jdbc.query("""
                SELECT order_id, authority_id, reference, escalated_until FROM query.notification_order
                 WHERE NOT ended AND escalated_until BETWEEN ? AND ?""", rs -> {
            LocalDate until = rs.getDate("escalated_until").toLocalDate();
            store.tell("escalation-ends:" + rs.getObject("order_id") + ":" + until,
                    Audience.inspectorsOf(rs.getString("authority_id")), "ESCALATION_ENDS",
                    "Det skærpede tilsyn med påbud " + rs.getString("reference") + " slutter " + written(until)
                            + ": forlæng det, ophæv det, eller lad det udløbe.",
                    rs.getObject("order_id", UUID.class), null, clock.instant());
        }, Date.valueOf(today), Date.valueOf(today.plusDays(ESCALATION_DAYS)));
    }

    /** The nearest of the marks (1, 7, 14 days before) that {@code daysLeft} has reached. */
    static int nearestMark(long daysLeft) {
        for (int mark : DAYS_BEFORE) {
            if (daysLeft <= mark) {
                return mark;
            }
        }
        throw new IllegalArgumentException(daysLeft + " days is before the first reminder");
    }
}
