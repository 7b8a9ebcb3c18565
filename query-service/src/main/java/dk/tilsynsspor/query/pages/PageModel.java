package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.query.people.People;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.Map;

/** What every page has: who is logged in (null on the login page), for the navigation; the state of its forms. */
@ControllerAdvice(annotations = PageController.class)
class PageModel {

    private final CurrentActor currentActor;
    private final People people;

    PageModel(CurrentActor currentActor, People people) {
        this.currentActor = currentActor;
        this.people = people;
    }

    @ModelAttribute("actor")
    Actor actor() {
        return currentActor.find().orElse(null);
    }

    /**
     * The signed-in person's name for the header: the provider's {@code name} claim where they signed in through it
     * (remembered, so that the pages name them to others too), else their actor id (a demo user's name).
     */
    @ModelAttribute("actorName")
    String actorName() {
        return currentActor.find().map(actor -> {
            String name = nameOf(actor);
            if (!name.equals(actor.id())) {
                people.remember(actor, name);
            }
            return name;
        }).orElse(null);
    }

    /** The header's name of {@code actor}, who is logged in (the error pages' too). */
    static String nameOf(Actor actor) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user
                && user.getFullName() != null && !user.getFullName().isBlank()) {
            return user.getFullName();
        }
        return actor.id();
    }

    /** The forms' state: a refused submit's values and explanation, or what the last submit recorded. */
    @ModelAttribute("forms")
    Forms forms(HttpServletRequest request) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        return flash == null ? new Forms(null, null)
                : new Forms((Forms.State) flash.get(Forms.STATE), (String) flash.get(Forms.DONE));
    }
}
