package dk.tilsynsspor.command.web;

import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.event.util.GrpcExceptionParser;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.ExceptionUtils;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The command bus that runs this instance's command handlers, and runs a command once more on the new state when its
 * append lost a race: another instance appended the aggregate's next event first (the store refused the sequence
 * number, which leaves nothing of the loser stored). It does so where the command ran, so the retry happens in both
 * modes alike: with Axon Server, the instance that sent the command gets no lost race back (Axon Server reports any
 * transient failure of a remote handler as one kind of error, so it could not tell one from another); with PostgreSQL
 * alone, before the gateway's own retry. A repeat of a keyed command is then recognised by the aggregate (ADR 18).
 * A command that lost at every attempt is answered as a {@link LostRace}, which says so across Axon Server too.
 */
final class RaceRetryingCommandBus extends SimpleCommandBus {

    private static final Logger log = LoggerFactory.getLogger(RaceRetryingCommandBus.class);
    static final int ATTEMPTS = 5;

    RaceRetryingCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        for (int attempt = 1; ; attempt++) {
            AtomicReference<CommandResultMessage<? extends R>> outcome = new AtomicReference<>();
            super.handle(command, handler, (CommandCallback<C, R>) (message, result) -> outcome.set(result));
            CommandResultMessage<? extends R> result = outcome.get();
            if (result.isExceptional() && lostRace(result.exceptionResult())) {
                if (attempt < ATTEMPTS) {
                    log.debug("{} lost a race for its aggregate (attempt {}); running it again on the new state",
                            command.getCommandName(), attempt);
                    continue;
                }
                result = GenericCommandResultMessage.asCommandResultMessage(LostRace.after(result.exceptionResult()));
            }
            callback.onResult(command, result);
            return;
        }
    }

    /**
     * Whether the failure is a lost race: a {@link ConcurrencyException}, or Axon Server's refusal of the sequence
     * number at the commit. The connector maps that refusal (AXONIQ-2000) to a {@code ConcurrencyException} where it
     * reads events, but the commit of an append passes on gRPC's own error, which carries the code in its trailers;
     * the connector's parser reads it the same way.
     */
    static boolean lostRace(Throwable failure) {
        return ExceptionUtils.findException(failure, ConcurrencyException.class).isPresent()
                || ExceptionUtils.findException(failure, StatusRuntimeException.class)
                .map(GrpcExceptionParser::parse)
                .filter(ConcurrencyException.class::isInstance)
                .isPresent();
    }
}
