package dk.tilsynsspor.command.web;

import dk.tilsynsspor.command.rules.RuleBroken;
import dk.tilsynsspor.command.rules.RuleViolation;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A command that lost the race for its aggregate at every attempt: sent again by the gateway like a local lost race,
 * and answered 409 "concurrent-change", also when it comes from another instance via Axon Server (where only its
 * details say what it was).
 */
class LostRaceTest {

    private final AtomicInteger runs = new AtomicInteger();

    private CommandGateway gatewayOver(CommandBus bus) {
        return new CommandGatewayConfiguration().commandGateway(bus);
    }

    @Test
    void theGatewaySendsALostRaceAgainButNoOtherFailedCommand() {
        SimpleCommandBus bus = new RaceRetryingCommandBus(SimpleCommandBus.builder());
        bus.subscribe(String.class.getName(), command -> {
            runs.incrementAndGet();
            throw new ConcurrencyException("always behind");
        });

        assertThatThrownBy(() -> gatewayOver(bus).sendAndWait("measure")).matches(LostRace::is);
        // the bus's attempts, once for the first sending and once for each of the gateway's five
        assertThat(runs).hasValue(RaceRetryingCommandBus.ATTEMPTS * 6);
    }

    @Test
    void aBrokenRuleIsNotSentAgain() {
        SimpleCommandBus bus = new RaceRetryingCommandBus(SimpleCommandBus.builder());
        bus.subscribe(String.class.getName(), command -> {
            runs.incrementAndGet();
            throw new CommandExecutionException("closed", null,
                    new RuleBroken("order-closed", RuleViolation.Kind.CONFLICT, "The order is closed.", null));
        });

        assertThatThrownBy(() -> gatewayOver(bus).sendAndWait("measure")).isInstanceOf(CommandExecutionException.class)
                .matches(failure -> !LostRace.is(failure));
        assertThat(runs).hasValue(1);
    }

    @Test
    void aLostRaceFromAnotherInstanceIsAnsweredAsAConcurrentChange() {
        // as Axon Server hands it to the sender: the details, and the causes' messages only
        CommandExecutionException remote = new CommandExecutionException("lost",
                new IllegalStateException("OUT_OF_RANGE: [AXONIQ-2000] Invalid sequence number"),
                LostRace.after(new ConcurrencyException("x")).getDetails().orElseThrow());

        ResponseEntity<ProblemDetail> answer = new ProblemDetailsAdvice().commandFailed(remote);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().getType().toString()).isEqualTo("urn:tilsynsspor:problem:concurrent-change");
        assertThat(answer.getBody().getTitle()).isEqualTo("Concurrent change");
        assertThat(answer.getBody()).isEqualTo(new ProblemDetailsAdvice()
                .concurrentChange(new ConcurrencyException("the same race, lost on this instance")).getBody());
    }
}
