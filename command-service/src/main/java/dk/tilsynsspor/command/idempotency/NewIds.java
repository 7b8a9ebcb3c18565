package dk.tilsynsspor.command.idempotency;

import java.util.UUID;

/**
 * The ids a request gives to what it creates: random, or, for a request with an {@code Idempotency-Key}, drawn from
 * the key, so that its repeat names the same order, measurement or session and the aggregate that applied it
 * recognises it (ADR 18). Each request draws its ids in the same order every time it runs.
 */
public final class NewIds {

    private NewIds() {
    }

    public static UUID next() {
        return RequestKey.current().map(RequestKey::nextId).orElseGet(UUID::randomUUID);
    }
}
