package dk.tilsynsspor.command.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * With Axon Server, a command's answer carries the last sequence number its events took in the aggregate it was
 * addressed to, so that the sender knows what to wait for ({@link ChainLinks}) without asking Axon Server — which may
 * have routed the command to another instance. Where the command is handled, each event its aggregate applies is seen
 * as it is published into the event store (a message monitor's {@code onMessageIngested}: Axon's dispatch
 * interceptors run only once the unit of work commits, after the answer is made), and the answer is given that
 * number in its metadata (a handler interceptor on the command bus); Axon Server carries an answer's metadata to the
 * sender. An answer without it (the command appended nothing to its aggregate) is waited for as before: Axon Server is
 * asked.
 */
public final class AnsweredSequences implements MessageHandlerInterceptor<CommandMessage<?>>,
        MessageMonitor<Message<?>> {

    /** The answer's metadata key. */
    public static final String LAST_SEQUENCE = "tilsynsspor-last-sequence";
    private static final String APPENDED = AnsweredSequences.class.getName() + ".appended";
    private static final RoutingStrategy TARGETS = AnnotationRoutingStrategy.defaultStrategy();

    /** The aggregate a command is addressed to (its {@code @TargetAggregateIdentifier}), if it names one. */
    static Optional<String> target(CommandMessage<?> command) {
        try {
            return Optional.ofNullable(TARGETS.getRoutingKey(command));
        } catch (RuntimeException noTarget) {
            return Optional.empty();
        }
    }

    /** The last sequence number the answer says its command's aggregate took, if it says. */
    public static Optional<Long> lastSequence(CommandResultMessage<?> answer) {
        return answer.getMetaData().get(LAST_SEQUENCE) instanceof Number sequence
                ? Optional.of(sequence.longValue()) : Optional.empty();
    }

    /** An event published into the event store: noted if it is an aggregate's, in a command being handled. */
    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        if (message instanceof DomainEventMessage<?> event && CurrentUnitOfWork.isStarted()) {
            Map<String, Long> appended = CurrentUnitOfWork.get().root().getResource(APPENDED);
            if (appended != null) {
                appended.merge(event.getAggregateIdentifier(), event.getSequenceNumber(), Math::max);
            }
        }
        return NoOpMessageMonitorCallback.INSTANCE;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Map<String, Long> appended = new HashMap<>(2);
        unitOfWork.root().resources().put(APPENDED, appended);
        Object result = chain.proceed();
        Long last = target(unitOfWork.getMessage()).map(appended::get).orElse(null);
        if (last == null) {
            return result;
        }
        return GenericCommandResultMessage.asCommandResultMessage(result).andMetaData(Map.of(LAST_SEQUENCE, last));
    }
}
