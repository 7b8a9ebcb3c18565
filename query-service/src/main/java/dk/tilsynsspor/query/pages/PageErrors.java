package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.platform.web.DatabaseUnavailable;
import dk.tilsynsspor.platform.web.RepeatedParameterException;
import dk.tilsynsspor.query.web.InvalidParameterException;
import dk.tilsynsspor.query.web.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on the pages as pages, with the same status codes as the API: 404 for what does not exist or is not the
 * caller's to see (the same answer for both), 403 for a role that does not read this, 400 for unreadable input.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final PageErrorViews views;

    PageErrors(PageErrorViews views) {
        this.views = views;
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        return views.page(HttpStatus.NOT_FOUND, "Siden findes ikke",
                "Der findes ikke noget her, som du har adgang til. Tjek adressen, eller gå tilbage til oversigten.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden() {
        return views.page(HttpStatus.FORBIDDEN, "Ingen adgang",
                "Du er logget ind, men din rolle giver ikke adgang til denne side.");
    }

    @ExceptionHandler(InvalidParameterException.class)
    ModelAndView invalid(InvalidParameterException exception) {
        return views.page(HttpStatus.BAD_REQUEST, "Ugyldig forespørgsel", exception.getMessage());
    }

    @ExceptionHandler(RepeatedParameterException.class)
    ModelAndView repeated(RepeatedParameterException exception) {
        return views.page(HttpStatus.BAD_REQUEST, "Ugyldig forespørgsel",
                "Feltet " + exception.parameter() + " er sendt mere end én gang. Gå tilbage, og send formularen igen.");
    }

    @ExceptionHandler(DataAccessException.class)
    ModelAndView databaseAway(DataAccessException exception) {
        if (!DatabaseUnavailable.isCause(exception)) {
            throw exception;
        }
        return views.page(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
