package dk.tilsynsspor.platform.web;

import org.springframework.web.bind.ServletRequestBindingException;

/** A parameter that a handler takes as one value was sent more than once ({@link OneValueEach}). */
public class RepeatedParameterException extends ServletRequestBindingException {

    private final String parameter;

    public RepeatedParameterException(String parameter) {
        super("Parameter " + parameter + " is sent more than once; it takes one value.");
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
