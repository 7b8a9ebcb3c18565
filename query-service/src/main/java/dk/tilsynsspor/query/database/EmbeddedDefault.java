package dk.tilsynsspor.query.database;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

import java.util.Map;

/**
 * Tells whether query-service runs on the embedded default: its datasource is the one its own application.yml
 * names (the embedded PostgreSQL command-service starts), not one set from outside. Only then are the demo users
 * on by default ({@code tilsynsspor.embedded-default}), as in command-service.
 */
public class EmbeddedDefault implements EnvironmentPostProcessor {

    private static final String URL = "spring.datasource.url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean fromOwnConfig = environment.getPropertySources().stream()
                // Boot's attached view of all sources contains every property: look past it to the real ones
                .filter(source -> !ConfigurationPropertySources.isAttachedConfigurationPropertySource(source))
                .filter(source -> source.containsProperty(URL))
                .findFirst()
                .map(EmbeddedDefault::isApplicationConfig)
                .orElse(false);
        if (fromOwnConfig) {
            environment.getPropertySources().addLast(new MapPropertySource("tilsynsspor-embedded-default",
                    Map.of("tilsynsspor.embedded-default", "true")));
        }
    }

    private static boolean isApplicationConfig(PropertySource<?> source) {
        return source.getName().contains("application.yml");
    }
}
