package dk.tilsynsspor.command.web;

import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RaceRetryingCommandBusTest {

    private final SimpleCommandBus bus = new RaceRetryingCommandBus(SimpleCommandBus.builder());
    private final AtomicInteger runs = new AtomicInteger();

    private CommandResultMessage<?> send() {
        FutureCallback<Object, Object> answer = new FutureCallback<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage("measure"), answer);
        return answer.getResult();
    }

    @Test
    void aCommandThatLostARaceRunsAgainOnTheNewState() {
        bus.subscribe(String.class.getName(), command -> {
            if (runs.incrementAndGet() < 3) {
                throw new ConcurrencyException("another instance appended sequence 7 first");
            }
            return "stored";
        });

        CommandResultMessage<?> result = send();

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo("stored");
        assertThat(runs).hasValue(3);
    }

    @Test
    void itGivesUpAfterItsAttemptsAndAnswersTheRace() {
        bus.subscribe(String.class.getName(), command -> {
            runs.incrementAndGet();
            throw new ConcurrencyException("always behind");
        });

        CommandResultMessage<?> result = send();

        assertThat(result.exceptionResult()).isInstanceOf(ConcurrencyException.class);
        assertThat(runs).hasValue(RaceRetryingCommandBus.ATTEMPTS);
    }

    @Test
    void anyOtherFailureIsAnsweredAtOnce() {
        bus.subscribe(String.class.getName(), command -> {
            runs.incrementAndGet();
            throw new IllegalStateException("a broken rule, a bug: running it again changes nothing");
        });

        CommandResultMessage<?> result = send();

        assertThat(result.exceptionResult()).isInstanceOf(IllegalStateException.class);
        assertThat(runs).hasValue(1);
    }
}
