package dk.tilsynsspor.query.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Deadlines are Danish calendar days: "days left" is counted in the zone the orders are issued in.
 * {@code tilsynsspor.deadlines.clock-offset} shifts the clock, as it shifts command-service's deadlines, so that a
 * demonstration or a test sees days left and the reminders 14, 7 and 1 days ahead as they will be then.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${tilsynsspor.zone:Europe/Copenhagen}") String zone,
                @Value("${tilsynsspor.deadlines.clock-offset:PT0S}") Duration offset) {
        Clock system = Clock.system(ZoneId.of(zone));
        return offset.isZero() ? system : Clock.offset(system, offset);
    }
}
