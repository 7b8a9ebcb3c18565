package dk.tilsynsspor.query.projection;

import org.axonframework.common.IdentifierFactory;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The identifiers of the messages query-service makes itself: random (version 4) UUIDs drawn from each thread's own
 * generator rather than from the JVM's one cryptographically strong generator. Axon makes such a message for every
 * event a processor handles (the handler's result) and asks its {@link IdentifierFactory} for an identifier each
 * time; Axon's default takes {@link UUID#randomUUID()}, whose generator reads the kernel's random source under one
 * lock shared by every thread. In a rebuild of 1,000,000 events that was a twentieth of the projections' threads
 * (docs/benchmarks, <em>Replay</em>). These identifiers name messages inside this service (results, queries, dead
 * letters' entries); none is a secret, and none is stored in the event store, whose events command-service names.
 * They need to be unique, which 122 random bits from a per-thread generator seeded apart are, as Axon's own are.
 * Found by Axon through {@code META-INF/services}.
 */
public final class MessageIdentifiers extends IdentifierFactory {

    private static final long VERSION_MASK = 0xF000L;
    private static final long VERSION_4 = 0x4000L;
    private static final long VARIANT_MASK = 0xC000_0000_0000_0000L;
    private static final long VARIANT_IETF = 0x8000_0000_0000_0000L;

    @Override
    public String generateIdentifier() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~VERSION_MASK) | VERSION_4;
        long low = (random.nextLong() & ~VARIANT_MASK) | VARIANT_IETF;
        return new UUID(high, low).toString();
    }
}
