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
        Map<String, Object> page = new HashMap<>();
        page.put("status", status.value());
        switch (status) {
            case NOT_FOUND -> {
                page.put("title", "Siden findes ikke");
                page.put("message", "Der findes ikke noget her, som du har adgang til. Tjek adressen.");
            }
            case FORBIDDEN -> {
                page.put("title", "Ingen adgang");
                page.put("message", "Du har ikke adgang til denne side.");
            }
            case SERVICE_UNAVAILABLE -> {
                page.put("title", "Prøv igen om lidt");
                page.put("message", "Databasen kan ikke nås lige nu. Prøv igen om et øjeblik.");
            }
            default -> {
                page.put("title", status.is4xxClientError() ? "Ugyldig forespørgsel" : "Der skete en fejl");
                page.put("message", status.is4xxClientError()
                        ? "Forespørgslen kunne ikke læses. Gå tilbage og prøv igen."
                        : "Siden kunne ikke vises. Fejlen er logget; prøv igen om lidt.");
            }
        }
        currentActor.find().ifPresent(actor -> page.put("actor", actor));
        return new ModelAndView("fejl", page, status);
    }
}
