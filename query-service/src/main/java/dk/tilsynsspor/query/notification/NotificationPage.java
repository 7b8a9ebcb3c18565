package dk.tilsynsspor.query.notification;

import dk.tilsynsspor.query.pages.Forms;
import dk.tilsynsspor.query.pages.PageController;
import dk.tilsynsspor.query.web.InvalidParameterException;
import dk.tilsynsspor.query.web.NotFoundException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** The signed-in user's notifications, unread ones marked, each markable as read. */
@PageController
class NotificationPage {

    private final Notifications notifications;

    NotificationPage(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifikationer")
    String list(Model model) {
        model.addAttribute("notifications", notifications.mine());
        model.addAttribute("listedAtMost", NotificationStore.MAX_LISTED);
        model.addAttribute("mailed", notifications.mailed());
        return "notifikationer";
    }

    /** The user's choice of e-mail besides the in-app list. */
    @PostMapping("/notifikationer/e-mail")
    String mail(@RequestParam boolean wanted, RedirectAttributes redirect) {
        notifications.mail(wanted);
        Forms.done(redirect, wanted ? "Du får dine notifikationer på e-mail, når din adresse er kendt."
                : "Du får ikke længere dine notifikationer på e-mail.");
        return "redirect:/notifikationer";
    }

    @PostMapping("/notifikationer/{notificationId}/laest")
    String markRead(@PathVariable UUID notificationId, RedirectAttributes redirect) {
        notifications.markRead(notificationId).orElseThrow(() -> new NotFoundException(
                "You have no notification " + notificationId + "."));
        Forms.done(redirect, "Markeret som læst.");
        return "redirect:/notifikationer";
    }

    /**
     * Marks read every notification the user was shown when they asked (made at or before the newest one listed,
     * {@code indtil}), and those too old for the list; one that came in since stays unread.
     */
    @PostMapping("/notifikationer/alle-laest")
    String markAllRead(@RequestParam(required = false) String indtil, RedirectAttributes redirect) {
        Instant until;
        try {
            until = indtil == null || indtil.isBlank() ? null : Instant.parse(indtil.strip());
        } catch (DateTimeParseException unreadable) {
            throw new InvalidParameterException("indtil", "Tidspunktet \"" + indtil + "\" kan ikke læses.");
        }
        int marked = notifications.markAllRead(until);
        Forms.done(redirect, marked == 1 ? "1 notifikation markeret som læst."
                : marked + " notifikationer markeret som læst.");
        return "redirect:/notifikationer";
    }

    /** Every page's header counts the signed-in user's unread notifications. */
    @org.springframework.web.bind.annotation.ControllerAdvice(annotations = PageController.class)
    static class UnreadCount {

        private final Notifications notifications;
        private final dk.tilsynsspor.platform.security.CurrentActor currentActor;

        UnreadCount(Notifications notifications, dk.tilsynsspor.platform.security.CurrentActor currentActor) {
            this.notifications = notifications;
            this.currentActor = currentActor;
        }

        @org.springframework.web.bind.annotation.ModelAttribute("unreadNotifications")
        Integer unread() {
            return currentActor.find().isPresent() ? notifications.unread() : null;
        }
    }
}
