package dk.tilsynsspor.command.eventstore;

import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A command's answer tells the last sequence number its aggregate's events took (AnsweredSequences' class doc). */
class AnsweredSequencesTest {

    record Measure(@TargetAggregateIdentifier String orderId) {
    }

    private final AnsweredSequences answers = new AnsweredSequences();
    private final SimpleCommandBus commands = SimpleCommandBus.builder().build();
    private final EventBus events = SimpleEventBus.builder().messageMonitor(answers).build();

    AnsweredSequencesTest() {
        commands.registerHandlerInterceptor(answers);
    }

    private CommandResultMessage<?> answerTo(Measure command) {
        FutureCallback<Object, Object> answer = new FutureCallback<>();
        commands.dispatch(GenericCommandMessage.asCommandMessage(command), answer);
        return answer.getResult();
    }

    @Test
    void theAnswerCarriesTheLastSequenceNumberOfTheCommandsOwnAggregate() {
        commands.subscribe(Measure.class.getName(), command -> {
            events.publish(new GenericDomainEventMessage<>("Order", "order-1", 3, "measured"));
            events.publish(new GenericDomainEventMessage<>("Case", "case-1", 9, "noted"),
                    new GenericDomainEventMessage<>("Order", "order-1", 4, "measured again"));
            return "ok";
        });

        CommandResultMessage<?> answer = answerTo(new Measure("order-1"));

        assertThat(answer.isExceptional()).isFalse();
        assertThat(answer.getPayload()).isEqualTo("ok");
        assertThat(AnsweredSequences.lastSequence(answer)).contains(4L);
    }

    @Test
    void anAnswerThatAppendedNothingToItsAggregateSaysNothing() {
        commands.subscribe(Measure.class.getName(), command -> {
            events.publish(new GenericDomainEventMessage<>("Case", "case-1", 9, "noted"));
            return null;
        });

        CommandResultMessage<?> answer = answerTo(new Measure("order-1"));

        assertThat(answer.isExceptional()).isFalse();
        assertThat(answer.getPayload()).isNull();
        assertThat(AnsweredSequences.lastSequence(answer)).isEmpty();
    }

    @Test
    void aRefusalSaysNothing() {
        commands.subscribe(Measure.class.getName(), command -> {
            events.publish(new GenericDomainEventMessage<>("Order", "order-1", 3, "measured"));
            throw new IllegalStateException("refused");
        });

        CommandResultMessage<?> answer = answerTo(new Measure("order-1"));

        assertThat(answer.isExceptional()).isTrue();
        assertThat(AnsweredSequences.lastSequence(answer)).isEmpty();
    }

    @Test
    void eventsOutsideACommandAreLeftAlone() {
        commands.subscribe(Measure.class.getName(), command -> "ok");

        events.publish(new GenericDomainEventMessage<>("Order", "order-1", 3, "measured"),
                GenericEventMessage.asEventMessage("not an aggregate's"));
        CommandResultMessage<?> answer = answerTo(new Measure("order-1"));

        assertThat(answer.isExceptional()).isFalse();
        assertThat(AnsweredSequences.lastSequence(answer)).isEmpty();
    }
}
