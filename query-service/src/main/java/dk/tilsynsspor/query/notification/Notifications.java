package dk.tilsynsspor.query.notification;

import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.query.web.AsOf;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The signed-in user's notifications, for the API and the pages alike. */
@Component
public class Notifications {

    /** One notification as its user sees it. */
    public record Notification(UUID id, String kind, String text, UUID orderId, UUID caseId,
                               java.time.Instant createdAt, boolean unread) {
    }

    private final NotificationStore store;
    private final CurrentActor currentActor;
    private final Clock clock;

    Notifications(NotificationStore store, CurrentActor currentActor, Clock clock) {
        this.store = store;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** Newest first (at most the 200 newest). */
    public List<Notification> mine() {
        rememberAddress();
        return store.of(currentActor.get()).stream().map(seen -> new Notification(seen.notificationId(),
                seen.kind(), seen.text(), seen.orderId(), seen.caseId(), seen.createdAt(), seen.unread())).toList();
    }

    public int unread() {
        Actor actor = currentActor.get();
        rememberAddress();
        return store.unread(actor);
    }

    /** Whether the signed-in user gets their notifications by e-mail too: they gave an address and did not opt out. */
    public boolean mailed() {
        return store.mailed(currentActor.get());
    }

    /** The user's choice: e-mail or not (the in-app list stays either way). */
    public void mail(boolean wanted) {
        store.optOut(currentActor.get(), !wanted);
    }

    /**
     * The address the user's token gives ({@code email} claim of a bearer token or of the provider's sign-in), kept
     * so that their notifications can be e-mailed; users without one (the demo users) get the in-app list only.
     */
    private void rememberAddress() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String email = null;
        if (authentication instanceof JwtAuthenticationToken jwt) {
            email = jwt.getToken().getClaimAsString("email");
        } else if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            email = user.getEmail();
        }
        if (email != null && !email.isBlank() && email.length() <= 254 && email.indexOf('@') > 0) {
            store.remember(currentActor.get(), email.strip());
        }
    }

    /** Marks one of the user's notifications read; empty if it is not theirs. */
    public Optional<UUID> markRead(UUID notificationId) {
        return store.markRead(currentActor.get(), notificationId, clock.instant());
    }

    /**
     * Marks read every one of the user's notifications made at or before {@code until} (null, or later than now:
     * now), also those older than the list shows; answers how many were unread. Before 1900 there is none.
     */
    public int markAllRead(Instant until) {
        Instant now = clock.instant();
        if (until != null && until.isBefore(AsOf.EARLIEST)) {
            return 0; // and no Timestamp of an instant a billion years away
        }
        return store.markAllRead(currentActor.get(), until == null || until.isAfter(now) ? now : until, now);
    }
}
