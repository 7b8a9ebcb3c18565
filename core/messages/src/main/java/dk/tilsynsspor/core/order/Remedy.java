package dk.tilsynsspor.core.order;

import java.util.UUID;

/** How the organisation will put right what one draft requirement of a notice demands. */
public record Remedy(
        UUID requirementId,
        String remedy) {
}
