package dk.tilsynsspor.core.casework.query;

import java.util.List;

/**
 * The answer to {@link FindMyCases}: the open cases, most recently active first; the most recently closed ones, most
 * recently closed first; and whether the professional has more closed cases than those.
 */
public record MyCases(
        List<MyCase> open,
        List<MyCase> closed,
        boolean moreClosed) {
}
