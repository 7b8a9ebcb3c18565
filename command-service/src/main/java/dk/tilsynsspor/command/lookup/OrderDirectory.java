package dk.tilsynsspor.command.lookup;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The orders as the command side knows them: for cases, which must serve an open order of their organisation. */
public interface OrderDirectory {

    record KnownOrder(UUID orderId, String authorityId, String organisationId, Set<UUID> requirementIds,
                      boolean closed) {
    }

    Optional<KnownOrder> find(UUID orderId);
}
