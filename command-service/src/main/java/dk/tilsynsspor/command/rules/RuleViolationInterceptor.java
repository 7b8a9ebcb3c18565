package dk.tilsynsspor.command.rules;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Turns a broken rule into a {@link CommandExecutionException} carrying {@link RuleBroken} details: the form in which
 * Axon carries a handler's failure back to a dispatcher on another node.
 */
public class RuleViolationInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** The code of the details that say the command's target does not exist (answered 404). */
    public static final String UNKNOWN_ID = "unknown-id";

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (RuleViolation violation) {
            throw new CommandExecutionException(violation.getMessage(), violation, violation.details());
        } catch (AggregateNotFoundException unknown) {
            // the exception's own type does not cross Axon Server: carry it as the details of an unknown id
            RuleViolation notFound = RuleViolation.notFound(UNKNOWN_ID, unknown.getMessage());
            throw new CommandExecutionException(notFound.getMessage(), unknown, notFound.details());
        }
    }
}
