package dk.tilsynsspor.query.notification;

import dk.tilsynsspor.platform.web.NotACommand;
import dk.tilsynsspor.query.notification.Notifications.Notification;
import dk.tilsynsspor.query.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The caller's notifications, and the one write query-service takes: the caller's own reading of them. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The list, newest first. */
    record NotificationList(int unread, List<Notification> notifications) {
    }

    /** The notification marked read. */
    record Read(UUID id) {
    }

    /** How many notifications were unread and are marked read now. */
    record AllRead(int marked) {
    }

    @Operation(operationId = "getNotifications", tags = "notifications", summary = "The caller's notifications",
            description = "What the caller was told, newest first (at most 200): deadlines near (14, 7 and 1 days) "
                    + "and missed, notices and their answers, reports, decisions, extension requests and answers, "
                    + "comments, plan reviews that need changes, learning sessions; each with unread true until the "
                    + "caller marks it read.")
    @GetMapping
    NotificationList mine() {
        List<Notification> mine = notifications.mine();
        return new NotificationList(notifications.unread(), mine);
    }

    @Operation(operationId = "markNotificationRead", tags = "notifications", summary = "Mark a notification read",
            description = "The caller's own reading state, not a fact of the domain: query-service keeps it. Marking "
                    + "one read again changes nothing; another user's notification answers 404.")
    @NotACommand
    @PostMapping("/{notificationId}/read")
    Read markRead(@PathVariable UUID notificationId) {
        return notifications.markRead(notificationId).map(Read::new).orElseThrow(() -> new NotFoundException(
                "You have no notification " + notificationId + "."));
    }

    @Operation(operationId = "markNotificationsRead", tags = "notifications", summary = "Mark all notifications read",
            description = "Marks read every notification of the caller made at or before until (an ISO instant; "
                    + "absent, or later than now: now), also those older than the list's 200; answers how many "
                    + "were unread. Give the newest notification's createdAt as until to leave unread what came "
                    + "after the list was read.")
    @NotACommand
    @PostMapping("/read")
    AllRead markAllRead(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                        Instant until) {
        return new AllRead(notifications.markAllRead(until));
    }
}
