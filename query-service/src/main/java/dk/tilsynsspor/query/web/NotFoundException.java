package dk.tilsynsspor.query.web;

/** The requested order or case does not exist (or did not yet, at the requested instant). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
