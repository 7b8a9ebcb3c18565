package dk.tilsynsspor.platform.web;

import java.io.IOException;

/** A request body went past the limit while it was read (a body without Content-Length, or a lying one). */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }

    /** Whether {@code failure} or one of its causes is a body over the limit. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
