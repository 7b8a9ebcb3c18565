package dk.tilsynsspor.command.idempotency;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * Shows every event a {@link KeyedAggregateRoot}'s root handles, as it is applied or read back from the store, to its
 * {@link AppliedKeys}. Registered for Axon through {@code META-INF/services}, so the test fixtures have it too.
 */
public final class AppliedKeysEnhancer implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (original.annotationAttributes(EventSourcingHandler.class).isEmpty()) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (target instanceof KeyedAggregateRoot keyed && message instanceof EventMessage<?> event) {
                    keyed.appliedKeys().remember(event);
                }
                return super.handle(message, target);
            }
        };
    }
}
