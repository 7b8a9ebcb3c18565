package dk.tilsynsspor.command.rules;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the translation of broken rules where commands are handled, so that every node that handles commands
 * answers alike, whether or not it also takes requests over HTTP.
 */
@Configuration(proxyBeanMethods = false)
class RuleViolationConfiguration {

    @Autowired
    void translateBrokenRules(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RuleViolationInterceptor());
    }
}
