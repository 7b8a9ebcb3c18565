package dk.tilsynsspor.query.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The reminders' sweep runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReminderScheduling {
}
