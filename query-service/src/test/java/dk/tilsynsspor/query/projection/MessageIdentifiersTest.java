package dk.tilsynsspor.query.projection;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.messaging.GenericResultMessage;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdentifiersTest {

    @Test
    void axonFindsItForTheMessagesItMakes() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(MessageIdentifiers.class);
        String identifier = GenericResultMessage.asResultMessage(null).getIdentifier();
        assertThat(UUID.fromString(identifier).version()).isEqualTo(4);
    }

    @Test
    void eachIsARandomUuidOfVersionFourAndTheIetfVariant() {
        MessageIdentifiers identifiers = new MessageIdentifiers();
        for (int i = 0; i < 10_000; i++) {
            String identifier = identifiers.generateIdentifier();
            UUID uuid = UUID.fromString(identifier);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(identifier);
        }
    }

    @Test
    void noTwoAreAlikeAcrossThreads() throws Exception {
        MessageIdentifiers identifiers = new MessageIdentifiers();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            var work = IntStream.range(0, 4).mapToObj(thread -> threads.submit(() -> {
                for (int i = 0; i < 50_000; i++) {
                    seen.add(identifiers.generateIdentifier());
                }
            })).toList();
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(seen).hasSize(200_000);
    }
}
