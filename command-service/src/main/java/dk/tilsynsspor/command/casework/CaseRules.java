package dk.tilsynsspor.command.casework;

import dk.tilsynsspor.command.lookup.OrderDirectory;
import dk.tilsynsspor.command.lookup.OrderDirectory.KnownOrder;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.casework.OpenCitizenCase;

import java.util.Collection;
import java.util.UUID;
import java.util.regex.Pattern;

import static dk.tilsynsspor.command.rules.RuleViolation.requireText;

/** The named guards of {@link CitizenCase} that need no state of the case. */
final class CaseRules {

    /** DDMMYY-SSSS, with or without the hyphen or a space: the shape of a Danish CPR number. */
    private static final Pattern CPR_SHAPED = Pattern.compile("(?<!\\d)\\d{6}[- ]?\\d{4}(?!\\d)");

    private CaseRules() {
    }

    /** The rest of opening a case; the organisation was checked with the actor before. */
    static void assertOpenable(OpenCitizenCase command, OrderDirectory orders) {
        requireText(command.citizenRef(), "case-incomplete", "A case needs a citizen reference.");
        assertNoCprNumber(command.citizenRef(), "citizenRef");
        boolean noRequirements = command.requirementIds() == null || command.requirementIds().isEmpty();
        if (command.orderId() == null) {
            if (!noRequirements) {
                throw RuleViolation.unprocessable("case-incomplete", "Requirements are those of an order: name the "
                        + "order too, or open the case without both (ongoing professional development).");
            }
            return; // a case without an order: ongoing development, linked to requirements later if ever
        }
        if (noRequirements) {
            throw RuleViolation.unprocessable("case-incomplete",
                    "A case serving an order needs the requirements of it that it serves.");
        }
        assertLinkable(orders, command.organisationId(), command.orderId(), command.requirementIds());
    }

    /**
     * The order is one of the organisation's, open, and has these requirements. Another organisation's order answers
     * as an unknown one: no answer tells what exists.
     */
    static void assertLinkable(OrderDirectory orders, String organisationId, UUID orderId,
                               Collection<UUID> requirementIds) {
        KnownOrder order = orders.find(orderId)
                .filter(known -> known.organisationId().equals(organisationId))
                .orElseThrow(() -> RuleViolation.unprocessable("unknown-order", "There is no order "
                        + orderId + " imposed on organisation " + organisationId + "."));
        if (order.closed()) {
            throw RuleViolation.conflict("order-closed", "Order " + orderId + " is closed.");
        }
        for (UUID requirementId : requirementIds) {
            if (!order.requirementIds().contains(requirementId)) {
                throw RuleViolation.unprocessable("unknown-requirement",
                        "Order " + orderId + " has no requirement " + requirementId + ".");
            }
        }
    }

    /** A citizen is known by a pseudonym only: anything shaped like a CPR number is refused. */
    static void assertNoCprNumber(String value, String field) {
        if (value != null && CPR_SHAPED.matcher(value).find()) {
            throw RuleViolation.unprocessable("cpr-number", "The " + field + " looks like a CPR number. "
                    + "Identify the citizen by a pseudonymous reference chosen by the organisation instead.");
        }
    }

    static void assertParticipants(Collection<String> participantIds) {
        if (participantIds == null || participantIds.stream().distinct().count() < 2) {
            throw RuleViolation.unprocessable("too-few-participants",
                    "A learning session needs at least two participants from the team.");
        }
    }
}
