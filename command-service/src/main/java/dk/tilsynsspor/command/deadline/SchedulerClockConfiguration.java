package dk.tilsynsspor.command.deadline;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * The clock by which persistent deadlines fall due. {@code tilsynsspor.deadlines.clock-offset} shifts it, so that a
 * deadline can be made to pass in a demonstration or a test without waiting for the calendar; it is zero unless set,
 * and must stay zero in production.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerClockConfiguration {

    @Bean
    com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(
            @Value("${tilsynsspor.deadlines.clock-offset:PT0S}") Duration offset) {
        Clock clock = Clock.offset(Clock.systemUTC(), offset);
        return clock::instant;
    }
}
