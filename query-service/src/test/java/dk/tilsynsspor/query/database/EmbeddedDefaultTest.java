package dk.tilsynsspor.query.database;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo users are on by default only when query-service's datasource is the one its own config names. */
class EmbeddedDefaultTest {

    private static final String OWN_CONFIG = "Config resource 'class path resource [application.yml]'"
            + " via location 'optional:classpath:/'";
    private static final String URL = "spring.datasource.url";

    @Test
    void theDatasourceOfItsOwnConfigIsTheEmbeddedDefault() {
        StandardEnvironment environment = environmentWithOwnConfig();
        new EmbeddedDefault().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("tilsynsspor.embedded-default")).isEqualTo("true");
    }

    @Test
    void aDatasourceSetFromOutsideIsNot() {
        StandardEnvironment environment = environmentWithOwnConfig();
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs",
                Map.of(URL, "jdbc:postgresql://db.example/tilsynsspor")));
        new EmbeddedDefault().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("tilsynsspor.embedded-default")).isNull();
    }

    private static StandardEnvironment environmentWithOwnConfig() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource(OWN_CONFIG,
                Map.of(URL, "jdbc:postgresql://localhost:54320/tilsynsspor")));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }
}
