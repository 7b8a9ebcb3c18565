package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.order.ImposeSupervisoryOrder;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A supervisory order (påbud): what an authority demands of an organisation, and how it is followed up. */
@Aggregate
class SupervisoryOrder {

    @AggregateIdentifier
    private UUID orderId;

    SupervisoryOrder() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    SupervisoryOrder(ImposeSupervisoryOrder command) {
        assertComplete(command);
        assertAtLeastOneRequirement(command.requirements());
        assertRequirementsComplete(command);
        assertDeadlinesNotBeforeIssue(command);
        apply(new SupervisoryOrderImposed(command.orderId(), command.authorityId(), command.organisationId(),
                command.reference(), command.legalBasis(), command.issuedOn(), command.summary(),
                List.copyOf(command.requirements())));
    }

    @EventSourcingHandler
    void on(SupervisoryOrderImposed event) {
        orderId = event.orderId();
    }

    private static void assertComplete(ImposeSupervisoryOrder command) {
        requireText(command.authorityId(), "an authority");
        requireText(command.organisationId(), "an organisation");
        requireText(command.reference(), "a reference (journal number)");
        requireText(command.legalBasis(), "a legal basis");
        if (command.issuedOn() == null) {
            throw incomplete("an issued date");
        }
    }

    private static void assertAtLeastOneRequirement(List<Requirement> requirements) {
        if (requirements == null || requirements.isEmpty()) {
            throw RuleViolation.unprocessable("order-without-requirements",
                    "An order must state at least one requirement.");
        }
    }

    private static void assertRequirementsComplete(ImposeSupervisoryOrder command) {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < command.requirements().size(); i++) {
            Requirement requirement = command.requirements().get(i);
            String which = "Requirement " + (i + 1);
            if (requirement.requirementId() == null || !ids.add(requirement.requirementId())) {
                throw RuleViolation.unprocessable("requirement-incomplete", which + " needs an id of its own.");
            }
            if (isBlank(requirement.title()) || isBlank(requirement.requiredChange())
                    || requirement.qualityTheme() == null || requirement.deadline() == null) {
                throw RuleViolation.unprocessable("requirement-incomplete",
                        which + " needs a title, the required practice change, a quality theme and a deadline.");
            }
        }
    }

    private static void assertDeadlinesNotBeforeIssue(ImposeSupervisoryOrder command) {
        for (int i = 0; i < command.requirements().size(); i++) {
            Requirement requirement = command.requirements().get(i);
            if (requirement.deadline().isBefore(command.issuedOn())) {
                throw RuleViolation.unprocessable("deadline-before-issue", "Requirement " + (i + 1) + " ('"
                        + requirement.title() + "') has deadline " + requirement.deadline()
                        + ", before the order was issued on " + command.issuedOn() + ".");
            }
        }
    }

    private static void requireText(String value, String what) {
        if (isBlank(value)) {
            throw incomplete(what);
        }
    }

    private static RuleViolation incomplete(String what) {
        return RuleViolation.unprocessable("order-incomplete", "An order needs " + what + ".");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
