package dk.tilsynsspor.platform.web;

/** A multipart request carried a part its handler does not take ({@link KnownPartsOnly}). */
public class UnknownPartException extends RefusedParameterException {

    public UnknownPartException(String part) {
        super(part, "is not part of this request", "Part " + part + " is not part of this request.");
    }
}
