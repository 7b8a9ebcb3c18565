package dk.tilsynsspor.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Says in the log when a command's unit of work (its handler and its commit) took longer than the threshold, once it
 * is over: the warning Axon's unit-of-work time limit gave, without that limit's cost (it takes the thread's whole
 * stack trace as every command starts; ADR 21, addendum). What could keep a command that long is bounded elsewhere:
 * each statement and each idle transaction by PostgreSQL's timeouts (60 s, {@code application.yml}).
 */
final class SlowCommands implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(SlowCommands.class);

    private final long thresholdNanos;

    SlowCommands(Duration threshold) {
        this.thresholdNanos = threshold.toNanos();
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        long started = System.nanoTime();
        unitOfWork.onCleanup(done -> {
            long took = System.nanoTime() - started;
            if (took >= thresholdNanos) {
                log.warn("Command {} took {} ms ({})", done.getMessage().getCommandName(),
                        Duration.ofNanos(took).toMillis(), done.isRolledBack() ? "rolled back" : "committed");
            }
        });
        return interceptorChain.proceed();
    }
}
