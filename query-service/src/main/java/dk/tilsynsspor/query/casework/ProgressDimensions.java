package dk.tilsynsspor.query.casework;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each organisation's own list of the dimensions its teams assess the citizen's progress on
 * ({@code tilsynsspor.progress.dimensions.<organisation>}), else the default list: the forms offer them, an
 * assessment may name others.
 */
@ConfigurationProperties("tilsynsspor.progress")
public record ProgressDimensions(List<String> defaults, Map<String, List<String>> dimensions) {

    public ProgressDimensions {
        defaults = defaults == null ? List.of() : List.copyOf(defaults);
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
    }

    /** The organisations with a list of their own. */
    public Set<String> organisations() {
        return dimensions.keySet();
    }

    List<String> of(String organisationId) {
        return dimensions.getOrDefault(organisationId, defaults);
    }
}
