package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.platform.security.CurrentActor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows in its header: who is logged in (null on the login page), for the navigation. */
@ControllerAdvice(annotations = PageController.class)
class PageModel {

    private final CurrentActor currentActor;

    PageModel(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @ModelAttribute("actor")
    Actor actor() {
        return currentActor.find().orElse(null);
    }
}
