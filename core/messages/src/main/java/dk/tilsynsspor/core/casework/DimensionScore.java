package dk.tilsynsspor.core.casework;

import java.util.ArrayList;
import java.util.List;

/**
 * A citizen's score, 1 to 10, on one dimension of the organisation's own list (for example the topics of
 * Copenhagen's forandringskompas). In the event the scores travel as one text ({@link #encode}), so that they are
 * sealed under the case's key like every personal text, and erased with it.
 */
public record DimensionScore(
        String dimension,
        int score) {

    /** One line per score, {@code dimension=score}; dimensions hold no '=' and no line break. */
    public static String encode(List<DimensionScore> scores) {
        StringBuilder text = new StringBuilder();
        for (DimensionScore score : scores) {
            text.append(score.dimension()).append('=').append(score.score()).append('\n');
        }
        return text.toString();
    }

    /** The scores of {@link #encode}'s text; none of a text that is not one (an erased one). */
    public static List<DimensionScore> decode(String text) {
        List<DimensionScore> scores = new ArrayList<>();
        if (text == null) {
            return scores;
        }
        for (String line : text.split("\n")) {
            int separator = line.lastIndexOf('=');
            if (separator <= 0) {
                continue;
            }
            try {
                scores.add(new DimensionScore(line.substring(0, separator),
                        Integer.parseInt(line.substring(separator + 1))));
            } catch (NumberFormatException notAScore) {
                // an erased or foreign text: no score
            }
        }
        return scores;
    }
}
