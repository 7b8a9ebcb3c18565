package dk.tilsynsspor.command.web;

import io.grpc.Metadata;
import io.grpc.Status;
import dk.tilsynsspor.command.rules.RuleBroken;
import dk.tilsynsspor.command.rules.RuleViolation;
import io.grpc.StatusRuntimeException;
import org.axonframework.commandhandling.CommandExecutionException;
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

    /** What Axon Server answers to an append whose first sequence number another instance took first. */
    private static StatusRuntimeException axonServerRefusesTheSequence(String code) {
        Metadata trailers = new Metadata();
        trailers.put(Metadata.Key.of("AxonIQ-ErrorCode", Metadata.ASCII_STRING_MARSHALLER), code);
        return Status.OUT_OF_RANGE.withDescription("[" + code + "] Invalid sequence number 6 for aggregate"
                + " order-1, expected 14").asRuntimeException(trailers);
    }

    @Test
    void aCommandWhoseAppendAxonServerRefusedForItsSequenceRunsAgain() {
        bus.subscribe(String.class.getName(), command -> {
            if (runs.incrementAndGet() < 2) {
                // as the connector passes on the failed commit of the append: gRPC's error as it came
                throw axonServerRefusesTheSequence("AXONIQ-2000");
            }
            return "stored";
        });

        CommandResultMessage<?> result = send();

        assertThat(result.isExceptional()).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void anyOtherErrorOfAxonServerIsAnsweredAtOnce() {
        bus.subscribe(String.class.getName(), command -> {
            runs.incrementAndGet();
            throw axonServerRefusesTheSequence("AXONIQ-2001"); // the payload too large: no new state changes that
        });

        CommandResultMessage<?> result = send();

        assertThat(result.exceptionResult()).isInstanceOf(StatusRuntimeException.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void itGivesUpAfterItsAttemptsAndAnswersTheRaceInAFormThatCrossesAxonServer() {
        bus.subscribe(String.class.getName(), command -> {
            runs.incrementAndGet();
            throw new ConcurrencyException("always behind");
        });

        CommandResultMessage<?> result = send();

        assertThat(runs).hasValue(RaceRetryingCommandBus.ATTEMPTS);
        assertThat(result.exceptionResult()).isInstanceOf(CommandExecutionException.class)
                .hasCauseInstanceOf(ConcurrencyException.class);
        assertThat(LostRace.is(result.exceptionResult())).isTrue();
        // the details are what Axon Server carries to the instance that sent the command
        RuleBroken details = ((CommandExecutionException) result.exceptionResult()).<RuleBroken>getDetails()
                .orElseThrow();
        assertThat(details.code()).isEqualTo("concurrent-change");
        assertThat(details.kind()).isEqualTo(RuleViolation.Kind.CONFLICT);
    }

    @Test
    void aSequenceAxonServerRefusedAtEveryAttemptIsAnsweredAsALostRaceToo() {
        bus.subscribe(String.class.getName(), command -> {
            runs.incrementAndGet();
            throw axonServerRefusesTheSequence("AXONIQ-2000");
        });

        CommandResultMessage<?> result = send();

        assertThat(runs).hasValue(RaceRetryingCommandBus.ATTEMPTS);
        assertThat(LostRace.is(result.exceptionResult())).isTrue();
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
