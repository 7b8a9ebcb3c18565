package dk.tilsynsspor.platform.web;

import org.springframework.web.bind.ServletRequestBindingException;

/** A multipart request carried a part its handler does not take ({@link KnownPartsOnly}). */
public class UnknownPartException extends ServletRequestBindingException {

    private final String part;

    public UnknownPartException(String part) {
        super("Part " + part + " is not part of this request.");
        this.part = part;
    }

    public String part() {
        return part;
    }
}
