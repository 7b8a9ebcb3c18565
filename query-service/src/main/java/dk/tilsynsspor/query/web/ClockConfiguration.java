package dk.tilsynsspor.query.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** Deadlines are Danish calendar days: "days left" is counted in the zone the orders are issued in. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${tilsynsspor.zone:Europe/Copenhagen}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
