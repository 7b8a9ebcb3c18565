package dk.tilsynsspor.platform.web;

/** A parameter that a handler takes as one value was sent more than once ({@link OneValueEach}). */
public class RepeatedParameterException extends RefusedParameterException {

    public RepeatedParameterException(String parameter) {
        super(parameter, "is sent more than once",
                "Parameter " + parameter + " is sent more than once; it takes one value.");
    }
}
