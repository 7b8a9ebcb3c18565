package dk.tilsynsspor.core.casework.query;

import java.util.List;

/** The answer to {@link FindMyCases}. */
public record MyCases(
        List<MyCase> cases) {
}
