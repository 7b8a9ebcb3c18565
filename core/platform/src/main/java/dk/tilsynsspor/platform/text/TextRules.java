package dk.tilsynsspor.platform.text;

import java.util.Optional;

/**
 * What a text may contain before it becomes part of an event, which is kept for ever and shown to the inspector:
 * printable characters, spaces, tabs and line breaks. Refused: other control characters (NUL among them, which
 * PostgreSQL cannot store as text), unpaired surrogates (not Unicode at all), the bidirectional overrides that make
 * a text read differently from what it holds, and the non-characters U+FFFE and U+FFFF.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why {@code text} may not be stored, or empty if it may. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate (U+" + hex(c) + ")");
            } else if (refused(c)) {
                return Optional.of("contains a control character (U+" + hex(c) + ") at position " + (i + 1));
            }
        }
        return Optional.empty();
    }

    private static boolean refused(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return Character.getType(c) == Character.CONTROL
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\uFFFE' || c == '\uFFFF';
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
