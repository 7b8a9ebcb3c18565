package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.platform.security.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import java.util.HashMap;
import java.util.Map;

/**
 * A browser's error that no page handled (a failure in a filter, or one nobody foresaw) as the pages' own Danish
 * error page, never Spring's white page or a JSON answer.
 */
@Component
class PageErrorViews implements ErrorViewResolver {

    private final CurrentActor currentActor;

    PageErrorViews(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        return page(status);
    }

    /** The error page of {@code status} with its usual Danish title and text. */
    ModelAndView page(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> page(status, "Siden findes ikke",
                    "Der findes ikke noget her, som du har adgang til. Tjek adressen.");
            case FORBIDDEN -> page(status, "Ingen adgang", "Du har ikke adgang til denne side.");
            case SERVICE_UNAVAILABLE -> page(status, "Prøv igen om lidt",
                    "Databasen kan ikke nås lige nu. Prøv igen om et øjeblik.");
            default -> status.is4xxClientError()
                    ? page(status, "Ugyldig forespørgsel", "Forespørgslen kunne ikke læses. Gå tilbage og prøv igen.")
                    : page(status, "Der skete en fejl", "Siden kunne ikke vises. Fejlen er logget; prøv igen om lidt.");
        };
    }

    /** The pages' error page; the header is given who is logged in, as the pages' own model is not there. */
    ModelAndView page(HttpStatus status, String title, String message) {
        Map<String, Object> page = new HashMap<>(Map.of("status", status.value(), "title", title,
                "message", message));
        currentActor.find().ifPresent(actor -> {
            page.put("actor", actor);
            page.put("actorName", PageModel.nameOf(actor));
        });
        return new ModelAndView("fejl", page, status);
    }
}
