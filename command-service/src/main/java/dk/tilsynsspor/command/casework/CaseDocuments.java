package dk.tilsynsspor.command.casework;

import dk.tilsynsspor.command.document.DocumentRules;
import dk.tilsynsspor.command.lookup.OrderDirectory;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.casework.AttachCaseDocument;
import dk.tilsynsspor.core.casework.WithdrawCaseDocument;
import dk.tilsynsspor.core.order.EvidenceDocumentAttached;
import dk.tilsynsspor.core.order.EvidenceDocumentWithdrawn;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The documents attached to a case as evidence for the requirements it serves (second round, part 2): by a
 * professional on the team or a leader; withdrawn by whoever attached one, or a leader. An entity of
 * {@link CitizenCase}; the events are the case's, their title, file name and reason sealed under its key.
 */
final class CaseDocuments {

    /** Who attached a document, and whether it is withdrawn. */
    private record Attached(String attachedBy, UUID requirementId, boolean withdrawn) {
    }

    private final CitizenCase kase;
    private final Map<UUID, Attached> documents = new HashMap<>();

    CaseDocuments(CitizenCase kase) {
        this.kase = kase;
    }

    @CommandHandler
    void handle(AttachCaseDocument command, Actor actor, OrderDirectory orders) {
        kase.guard(actor, orders, Role.LEADER, Role.PROFESSIONAL);
        kase.assertOpen();
        if (command.requirementId() == null) {
            throw RuleViolation.unprocessable("document-incomplete", "Name the requirement the document is "
                    + "evidence for.").at("requirementId");
        }
        kase.assertServed(List.of(command.requirementId()));
        DocumentRules.assertAttachable(command.title(), command.fileName(), command.mediaType(), command.size(),
                command.sha256(), command.effectiveOn());
        CaseRules.assertNoCprNumber(command.title(), "title");
        CaseRules.assertNoCprNumber(command.fileName(), "file name");
        if (command.documentId() == null || documents.containsKey(command.documentId())) {
            throw RuleViolation.conflict("document-exists", "Document " + command.documentId() + " exists already.");
        }
        apply(new EvidenceDocumentAttached(kase.orderId(), command.requirementId(), kase.caseId(),
                command.documentId(), actor.id(), command.title(), command.fileName(), command.mediaType(),
                command.size(), command.sha256(), command.effectiveOn()));
    }

    @CommandHandler
    void handle(WithdrawCaseDocument command, Actor actor, OrderDirectory orders) {
        kase.guard(actor, orders, Role.LEADER, Role.PROFESSIONAL);
        kase.assertOpen();
        Attached document = documents.get(command.documentId());
        if (document == null) {
            throw RuleViolation.notFound("unknown-document", "Case " + kase.caseId() + " has no document "
                    + command.documentId() + ".");
        }
        if (actor.role() == Role.PROFESSIONAL && !actor.id().equals(document.attachedBy())) {
            throw RuleViolation.forbidden("not-attacher", "Only whoever attached the document ("
                    + document.attachedBy() + ") or a leader may withdraw it.");
        }
        if (document.withdrawn()) {
            throw RuleViolation.conflict("document-withdrawn", "Document " + command.documentId()
                    + " is withdrawn already.");
        }
        RuleViolation.requireText(command.reason(), "reason-required", "Say why the document is withdrawn.",
                "reason");
        CaseRules.assertNoCprNumber(command.reason(), "reason");
        apply(new EvidenceDocumentWithdrawn(kase.orderId(), document.requirementId(), kase.caseId(),
                command.documentId(), actor.id(), command.reason().strip()));
    }

    @EventSourcingHandler
    void on(EvidenceDocumentAttached event) {
        documents.put(event.documentId(), new Attached(event.attachedBy(), event.requirementId(), false));
    }

    @EventSourcingHandler
    void on(EvidenceDocumentWithdrawn event) {
        documents.computeIfPresent(event.documentId(), (id, attached) ->
                new Attached(attached.attachedBy(), attached.requirementId(), true));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CaseDocuments that && documents.equals(that.documents);
    }

    @Override
    public int hashCode() {
        return Objects.hash(documents);
    }
}
