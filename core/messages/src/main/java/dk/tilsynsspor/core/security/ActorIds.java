package dk.tilsynsspor.core.security;

import java.util.regex.Pattern;

/**
 * What an id of a person, authority or organisation may look like (as the identity provider names them):
 * command-service refuses any other before it becomes an event, and the pages ask nothing more of one that could
 * never be stored.
 */
public final class ActorIds {

    /** The characters an id may hold: letters, digits and {@code . _ @ : | + -}, no spaces. */
    public static final String PATTERN = "[\\p{L}\\p{N}._@:|+-]*";
    public static final int MAX_LENGTH = 200;

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private ActorIds() {
    }

    /** Whether {@code id} is 1 to {@value #MAX_LENGTH} of the characters of {@link #PATTERN}. */
    public static boolean wellFormed(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_LENGTH && COMPILED.matcher(id).matches();
    }
}
