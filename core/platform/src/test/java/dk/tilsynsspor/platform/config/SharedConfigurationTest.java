package dk.tilsynsspor.platform.config;

import dk.tilsynsspor.platform.security.DemoUserProperties;
import dk.tilsynsspor.platform.security.DemoUserProperties.DemoUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What both services are configured with alike comes from one file, {@code tilsynsspor-platform.yml}, loaded here as
 * a service's {@code spring.config.import} loads it.
 */
class SharedConfigurationTest {

    private static StandardEnvironment importing(Map<String, Object> more) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", more));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        return environment;
    }

    private static StandardEnvironment importing() {
        return importing(Map.of("spring.config.import", "classpath:tilsynsspor-platform.yml"));
    }

    @Test
    void theDemoUsersAreListedOnceWithUniqueNamesAndOffUnlessTheEmbeddedDefaultSaysSo() {
        DemoUserProperties users = Binder.get(importing()).bind("tilsynsspor.demo-users", DemoUserProperties.class)
                .get();
        assertThat(users.enabled()).isFalse();
        assertThat(users.password()).isEqualTo("demo");
        List<String> names = users.users().stream().map(DemoUser::name).toList();
        assertThat(names).doesNotHaveDuplicates()
                .contains("inspector", "leader", "paedagog", "psykolog-region", "leader-region");
        assertThat(users.users()).allSatisfy(user -> {
            assertThat(user.role()).isNotNull();
            assertThat(user.scope()).isNotBlank();
        });

        DemoUserProperties embedded = Binder.get(importing(Map.of(
                        "spring.config.import", "classpath:tilsynsspor-platform.yml",
                        "tilsynsspor.embedded-default", "true")))
                .bind("tilsynsspor.demo-users", DemoUserProperties.class).get();
        assertThat(embedded.enabled()).isTrue();
    }

    @Test
    void theLogEventCountersFilterIsLeftOutOfEveryLevelCheck() {
        List<String> excluded = Binder.get(importing()).bind("spring.autoconfigure.exclude", String[].class)
                .map(List::of).orElse(List.of());
        assertThat(excluded).contains(
                "org.springframework.boot.actuate.autoconfigure.metrics.LogbackMetricsAutoConfiguration");
    }
}
