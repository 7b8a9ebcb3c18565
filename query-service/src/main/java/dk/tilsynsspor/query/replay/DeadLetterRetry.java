package dk.tilsynsspor.query.replay;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * When query-service starts, every sequence of dead letters is tried once more, oldest event first, beside the
 * running processors: a fix for what set them aside is deployed by a restart, and what it fixes is projected then.
 * What still fails stays set aside, with its new reason.
 */
@Component
class DeadLetterRetry implements ConfigurerModule {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetry.class);

    @Override
    public void configureModule(Configurer configurer) {
        configurer.onInitialize(config -> config.onStart(Phase.INBOUND_EVENT_CONNECTORS + 1, () -> {
            Thread retry = new Thread(() -> retryAll(config), "dead-letter-retry");
            retry.setDaemon(true);
            retry.start();
        }));
    }

    static void retryAll(Configuration config) {
        EventProcessingConfiguration processing = config.eventProcessingConfiguration();
        processing.eventProcessors().keySet().forEach(group -> processing.deadLetterQueue(group).ifPresent(queue ->
                processing.sequencedDeadLetterProcessor(group).ifPresent(processor ->
                        retry(group, queue, processor))));
    }

    private static void retry(String group, SequencedDeadLetterQueue<EventMessage<?>> queue,
                              SequencedDeadLetterProcessor<EventMessage<?>> processor) {
        try {
            List<String> heads = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
                if (letters.hasNext()) {
                    heads.add(letters.next().message().getIdentifier());
                }
            }
            if (heads.isEmpty()) {
                return;
            }
            int projected = 0;
            for (String head : heads) {
                if (processor.process(letter -> letter.message().getIdentifier().equals(head))) {
                    projected++;
                }
            }
            log.info("Dead letters of {}: {} of {} sequences projected on retry; {} events still set aside", group,
                    projected, heads.size(), queue.size());
        } catch (RuntimeException e) {
            log.warn("Dead letters of {} could not be retried now ({}); they stay set aside", group, e.toString());
        }
    }
}
