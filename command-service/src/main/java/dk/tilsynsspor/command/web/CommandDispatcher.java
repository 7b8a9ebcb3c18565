package dk.tilsynsspor.command.web;

import dk.tilsynsspor.command.access.Access;
import dk.tilsynsspor.command.eventstore.ChainLinks;
import dk.tilsynsspor.command.idempotency.RequestKey;
import dk.tilsynsspor.command.rules.RuleBroken;
import dk.tilsynsspor.command.rules.RuleViolationInterceptor;
import dk.tilsynsspor.core.audit.AuditMetadata;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.platform.text.HeaderText;
import dk.tilsynsspor.platform.text.TextRules;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends a command on behalf of the authenticated actor. The actor and the request's {@code X-Reason} become the
 * command's metadata, which Axon copies onto every event the command causes.
 */
@Component
public class CommandDispatcher {

    public static final String REASON_HEADER = "X-Reason";
    static final int MAX_REASON_LENGTH = 2000;

    private final CommandGateway gateway;
    private final CurrentActor currentActor;
    private final ChainLinks chainLinks;

    CommandDispatcher(CommandGateway gateway, CurrentActor currentActor, ChainLinks chainLinks) {
        this.gateway = gateway;
        this.currentActor = currentActor;
        this.chainLinks = chainLinks;
    }

    /**
     * Sends and waits. {@code target} names what the command is addressed to, for the 404 when it does not exist.
     */
    public <R> R send(Object command, String targetKind, UUID targetId) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData());
        try {
            CommandResultMessage<? extends R> answer = sendAndWait(message);
            if (answer.isExceptional()) {
                throw asRuntime(answer.exceptionResult());
            }
            chainLinks.awaitLinked(message, answer);
            return answer.getPayload();
        } catch (AggregateNotFoundException e) {
            throw new ResourceNotFoundException(targetKind, targetId);
        } catch (CommandExecutionException e) {
            if (e.getDetails().filter(CommandDispatcher::notVisible).isPresent()) {
                throw new ResourceNotFoundException(targetKind, targetId); // answered exactly as an unknown id
            }
            throw e;
        }
    }

    /**
     * A keyed command that creates an aggregate and lost a race to create it, perhaps to its own first attempt on
     * another instance, is sent once more: the aggregate now exists and answers a repeat of its key as the first time,
     * and refuses anything else as existing already.
     */
    private <R> CommandResultMessage<? extends R> sendAndWait(CommandMessage<?> message) {
        CommandResultMessage<? extends R> answer = answerTo(message);
        if (answer.isExceptional() && answer.exceptionResult() instanceof AggregateStreamCreationException
                && message.getMetaData().containsKey(AuditMetadata.IDEMPOTENCY_KEY)) {
            return answerTo(message);
        }
        return answer;
    }

    /**
     * What the gateway's {@code sendAndWait} waits for, but the whole answer: with Axon Server its metadata tells what
     * to wait for before answering ({@link ChainLinks}).
     */
    private <R> CommandResultMessage<? extends R> answerTo(CommandMessage<?> message) {
        FutureCallback<Object, R> answer = new FutureCallback<>();
        gateway.send(message, answer);
        return answer.getResult();
    }

    /** A failed answer thrown as the gateway's {@code sendAndWait} throws it. */
    private static RuntimeException asRuntime(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof RuntimeException runtime ? runtime
                : new CommandExecutionException("An exception occurred while executing a command", failure);
    }

    private static boolean notVisible(Object details) {
        return details instanceof RuleBroken rule && (Access.NOT_VISIBLE.equals(rule.code())
                || RuleViolationInterceptor.UNKNOWN_ID.equals(rule.code()));
    }

    private Map<String, Object> metaData() {
        Actor actor = currentActor.get();
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AuditMetadata.ACTOR_ID, actor.id());
        metaData.put(AuditMetadata.ACTOR_ROLE, actor.role().name());
        metaData.put(AuditMetadata.ACTOR_SCOPE, actor.scope());
        String reason = reasonHeader();
        if (reason != null && !reason.isBlank()) {
            metaData.put(AuditMetadata.REASON, reason.strip());
        }
        RequestKey.current().ifPresent(key -> metaData.put(AuditMetadata.IDEMPOTENCY_KEY, key.value()));
        return MetaData.from(metaData);
    }

    /**
     * The reason as the client wrote it. HTTP carries header values as bytes, which the servlet container hands on
     * as ISO-8859-1 characters; clients send UTF-8 (the API documents it), so the bytes are read again as UTF-8, and
     * as ISO-8859-1 only if they are not UTF-8 at all.
     */
    private static String reasonHeader() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return null;
        }
        String raw = servlet.getRequest().getHeader(REASON_HEADER);
        if (raw == null) {
            return null;
        }
        String reason = HeaderText.decode(raw);
        if (reason.length() > MAX_REASON_LENGTH) {
            throw InvalidInputException.header(REASON_HEADER, "at most " + MAX_REASON_LENGTH + " characters");
        }
        TextRules.problem(reason).ifPresent(problem -> {
            throw InvalidInputException.header(REASON_HEADER, problem);
        });
        return reason;
    }
}
