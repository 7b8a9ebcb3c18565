package dk.tilsynsspor.command.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dk.tilsynsspor.command.order.OrderRequests.ClosureRequest;
import dk.tilsynsspor.command.order.OrderRequests.ComplianceReportRequest;
import dk.tilsynsspor.command.order.OrderRequests.Decision;
import dk.tilsynsspor.command.order.OrderRequests.DecisionRequest;
import dk.tilsynsspor.command.order.OrderRequests.EscalationExtensionRequest;
import dk.tilsynsspor.command.order.OrderRequests.EscalationRequest;
import dk.tilsynsspor.command.order.OrderRequests.PublicationRequest;
import dk.tilsynsspor.command.order.OrderRequests.ReasonRequest;
import dk.tilsynsspor.command.web.Accepted;
import dk.tilsynsspor.command.web.CommandDispatcher;
import dk.tilsynsspor.command.web.Locations;
import dk.tilsynsspor.core.order.AcceptCompliance;
import dk.tilsynsspor.core.order.AcknowledgeSupervisoryOrder;
import dk.tilsynsspor.core.order.CloseSupervisoryOrder;
import dk.tilsynsspor.core.order.EndEscalation;
import dk.tilsynsspor.core.order.EscalateSupervisoryOrder;
import dk.tilsynsspor.core.order.ExtendEscalation;
import dk.tilsynsspor.core.order.ImposeSupervisoryOrder;
import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.RejectCompliance;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.PublishOrder;
import dk.tilsynsspor.core.order.SubmitComplianceReport;
import dk.tilsynsspor.core.order.UnpublishOrder;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The commands on a supervisory order as a whole. */
@Tag(name = "orders")
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final CommandDispatcher commands;
    private final Locations locations;

    OrderController(CommandDispatcher commands, Locations locations) {
        this.commands = commands;
        this.locations = locations;
    }

    /** ImposeSupervisoryOrder: the authority's demands, each with its own deadline. */
    @Operation(operationId = "imposeOrder", summary = "Impose a supervisory order (ImposeSupervisoryOrder)",
            description = "An inspector of the authority imposes an order on an organisation: reference, legal basis, issue date and one or more requirements, each with its required change, quality theme and deadline. Ids may be chosen by the client. Answers the order id and the requirement ids in order.")
    @ApiResponse(responseCode = "201", description = "Imposed: the order id and its requirements ids; Location is the dossier.")
    @PostMapping
    ResponseEntity<OrderImposedResponse> impose(@Valid @RequestBody ImposeOrderRequest request) {
        UUID orderId = Objects.requireNonNullElseGet(request.id(), UUID::randomUUID);
        List<Requirement> requirements = request.requirements().stream()
                .map(r -> new Requirement(Objects.requireNonNullElseGet(r.id(), UUID::randomUUID),
                        r.title(), r.requiredChange(), r.qualityTheme(), r.deadline()))
                .toList();
        commands.send(new ImposeSupervisoryOrder(orderId, request.authorityId(), request.organisationId(),
                request.reference(), request.legalBasis(), request.issuedOn(), request.summary(), requirements),
                "order", orderId);
        return ResponseEntity.created(locations.dossier(orderId))
                .body(new OrderImposedResponse(orderId,
                        requirements.stream().map(Requirement::requirementId).toList()));
    }

    record OrderImposedResponse(UUID id, List<UUID> requirementIds) {
    }

    /** AcknowledgeSupervisoryOrder. */
    @Operation(operationId = "acknowledgeOrder", summary = "Acknowledge the order (AcknowledgeSupervisoryOrder)",
            description = "A leader of the organisation acknowledges receipt; once.")
    @PostMapping("/{orderId}/acknowledgement")
    Accepted acknowledge(@PathVariable UUID orderId) {
        return send(new AcknowledgeSupervisoryOrder(orderId), orderId);
    }

    /** SubmitComplianceReport: only when every requirement is verified as met. */
    @Operation(operationId = "submitComplianceReport", summary = "Submit the compliance report (SubmitComplianceReport)",
            description = "A leader reports to the authority once every requirement is verified as met.")
    @PostMapping("/{orderId}/compliance-report")
    Accepted report(@PathVariable UUID orderId, @Valid @RequestBody ComplianceReportRequest request) {
        return send(new SubmitComplianceReport(orderId, request.summary()), orderId);
    }

    /** AcceptCompliance, or RejectCompliance with a reason and the requirements to rework. */
    @Operation(operationId = "decideCompliance", summary = "Decide the report (AcceptCompliance / RejectCompliance)",
            description = "An inspector of the authority accepts the report, or rejects it with a reason and the requirements to rework.")
    @PostMapping("/{orderId}/decision")
    Accepted decide(@PathVariable UUID orderId, @Valid @RequestBody DecisionRequest request) {
        Object command = request.decision() == Decision.ACCEPT
                ? new AcceptCompliance(orderId)
                : new RejectCompliance(orderId, request.reason(),
                Objects.requireNonNullElse(request.requirementIds(), List.of()));
        return send(command, orderId);
    }

    @Operation(operationId = "escalateOrder", summary = "Escalate to skærpet tilsyn (EscalateSupervisoryOrder)",
            description = "An inspector of the authority puts the order under skærpet tilsyn: a reason, the date it "
                    + "ends (at most six months ahead) and the requirements that must be settled to end it (none "
                    + "named: all). When the date passes neither extended nor ended, it expires (EscalationExpired).")
    @PostMapping("/{orderId}/escalation")
    Accepted escalate(@PathVariable UUID orderId, @Valid @RequestBody EscalationRequest request) {
        return send(new EscalateSupervisoryOrder(orderId, request.reason(), request.until(),
                Objects.requireNonNullElse(request.requirementIds(), List.of())), orderId);
    }

    @Operation(operationId = "extendEscalation", summary = "Extend skærpet tilsyn (ExtendEscalation)",
            description = "An inspector of the authority moves the end of skærpet tilsyn later, by at most six months "
                    + "after its current end, with a reason.")
    @PostMapping("/{orderId}/escalation/extension")
    Accepted extendEscalation(@PathVariable UUID orderId, @Valid @RequestBody EscalationExtensionRequest request) {
        return send(new ExtendEscalation(orderId, request.until(), request.reason()), orderId);
    }

    @Operation(operationId = "endEscalation", summary = "End skærpet tilsyn (EndEscalation)",
            description = "An inspector of the authority ends skærpet tilsyn before its date, with a reason.")
    @PostMapping("/{orderId}/escalation/end")
    Accepted endEscalation(@PathVariable UUID orderId, @Valid @RequestBody ReasonRequest request) {
        return send(new EndEscalation(orderId, request.reason()), orderId);
    }

    @Operation(operationId = "closeOrder", summary = "Close the order (CloseSupervisoryOrder)",
            description = "An inspector of the authority ends the order, stating its outcome: COMPLIED (once "
                    + "compliance with every requirement is accepted), WITHDRAWN or NOT_COMPLIED (each with a reason), "
                    + "ANNULLED (after an appeal annulled it). The answer states the outcome.")
    @PostMapping("/{orderId}/closure")
    ClosureAnswer close(@PathVariable UUID orderId, @Valid @RequestBody ClosureRequest request) {
        OrderOutcome outcome = commands.send(new CloseSupervisoryOrder(orderId, request.reason(), request.outcome()),
                "order", orderId);
        return new ClosureAnswer(orderId, outcome);
    }

    /** The answer to a closure: the order and the outcome it closed with. */
    record ClosureAnswer(UUID id, OrderOutcome outcome) {
    }

    @Operation(operationId = "publishOrder", summary = "Publish the order (PublishOrder)",
            description = "An inspector of the authority records where the order is published while it stands: the "
                    + "place (TILBUDSPORTALEN, STPS, or another named place) and the link to it.")
    @ApiResponse(responseCode = "201", description = "Published: the publication id; Location is the dossier.")
    @PostMapping("/{orderId}/publications")
    ResponseEntity<Accepted> publish(@PathVariable UUID orderId, @Valid @RequestBody PublicationRequest request) {
        UUID publicationId = UUID.randomUUID();
        commands.send(new PublishOrder(orderId, publicationId, request.place(), request.url()), "order", orderId);
        return ResponseEntity.created(locations.dossier(orderId)).body(Accepted.of(publicationId));
    }

    @Operation(operationId = "unpublishOrder", summary = "Take a publication down (UnpublishOrder)",
            description = "An inspector of the authority records that a publication is taken down, with a reason; "
                    + "also after the order has ended, when it must be.")
    @PostMapping("/{orderId}/publications/{publicationId}/withdrawal")
    Accepted unpublish(@PathVariable UUID orderId, @PathVariable UUID publicationId,
                       @Valid @RequestBody ReasonRequest request) {
        commands.send(new UnpublishOrder(orderId, publicationId, request.reason()), "order", orderId);
        return Accepted.of(publicationId);
    }

    private Accepted send(Object command, UUID orderId) {
        commands.send(command, "order", orderId);
        return Accepted.of(orderId);
    }
}
