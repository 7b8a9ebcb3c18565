package dk.tilsynsspor.command.idempotency;

import dk.tilsynsspor.core.audit.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The keys of the commands one aggregate applied, each with what its command answered, read from the events: the
 * first event a keyed command applied says it (a plan's version, an appeal's id); most commands answer nothing.
 */
public final class AppliedKeys {

    private static final Object NOTHING = new Object();

    private final Function<Object, Object> answerOfFirstEvent;
    private final Map<String, Object> answers = new HashMap<>();

    /** {@code answerOfFirstEvent}: from the first event a command applied, what the command returned, or null. */
    public AppliedKeys(Function<Object, Object> answerOfFirstEvent) {
        this.answerOfFirstEvent = answerOfFirstEvent;
    }

    /** For {@code CommandHandlerInterceptor}s: a repeat is answered as the first time and applies nothing. */
    public Object once(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object key = command.getMetaData().get(AuditMetadata.IDEMPOTENCY_KEY);
        if (key != null && answers.containsKey(key.toString())) {
            Object answer = answers.get(key.toString());
            return answer == NOTHING ? null : answer;
        }
        return chain.proceed();
    }

    /** Each key applied and what its command answered (null for nothing), for a snapshot of the aggregate. */
    public void forEach(BiConsumer<String, Object> keyAndAnswer) {
        answers.forEach((key, answer) -> keyAndAnswer.accept(key, answer == NOTHING ? null : answer));
    }

    /** A key applied before the snapshot the aggregate is restored from, with its command's answer or null. */
    public void restore(String key, Object answer) {
        answers.put(key, answer == null ? NOTHING : answer);
    }

    void remember(EventMessage<?> event) {
        Object key = event.getMetaData().get(AuditMetadata.IDEMPOTENCY_KEY);
        if (key != null && !answers.containsKey(key.toString())) {
            Object answer = answerOfFirstEvent.apply(event.getPayload());
            answers.put(key.toString(), answer == null ? NOTHING : answer);
        }
    }
}
