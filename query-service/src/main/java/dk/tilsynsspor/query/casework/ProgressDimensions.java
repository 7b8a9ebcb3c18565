package dk.tilsynsspor.query.casework;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * Each organisation's own list of the dimensions its teams assess the citizen's progress on
 * ({@code tilsynsspor.progress.dimensions.<organisation>}), else the default list: the forms offer them, an
 * assessment may name others.
 */
@ConfigurationProperties("tilsynsspor.progress")
record ProgressDimensions(List<String> defaults, Map<String, List<String>> dimensions) {

    ProgressDimensions {
        defaults = defaults == null ? List.of() : List.copyOf(defaults);
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
    }

    List<String> of(String organisationId) {
        return dimensions.getOrDefault(organisationId, defaults);
    }
}
