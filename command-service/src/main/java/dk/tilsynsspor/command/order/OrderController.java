package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.idempotency.NewIds;
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
import dk.tilsynsspor.command.order.OrderRequests.AmendmentRequest;
import dk.tilsynsspor.command.order.OrderRequests.AppealDecisionRequest;
import dk.tilsynsspor.command.order.OrderRequests.AppealRequest;
import dk.tilsynsspor.command.order.OrderRequests.NoticeResponseRequest;
import dk.tilsynsspor.command.order.OrderRequests.RemedyRequest;
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
import dk.tilsynsspor.core.order.Amendment;
import dk.tilsynsspor.core.order.RecordAppealDecision;
import dk.tilsynsspor.core.order.RegisterAppeal;
import dk.tilsynsspor.core.order.GiveNoticeOfOrder;
import dk.tilsynsspor.core.order.LetNoticeLapse;
import dk.tilsynsspor.core.order.Remedy;
import dk.tilsynsspor.core.order.RespondToNotice;
import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.RejectCompliance;
import dk.tilsynsspor.core.order.Rejection;
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

    /** ImposeSupervisoryOrder without notice: the authority's demands, each with its own deadline. */
    @Operation(operationId = "imposeOrder", summary = "Impose a supervisory order without notice (ImposeSupervisoryOrder)",
            description = "An inspector of the authority imposes an order on an organisation directly: reference, "
                    + "legal basis, issue date, one or more requirements (each with its required change, quality "
                    + "theme and deadline), and noticeWaivedReason: why no notice (partshøring) was given, required. "
                    + "Ids may be chosen by the client. Answers the order id and the requirement ids in order.")
    @ApiResponse(responseCode = "201", description = "Imposed: the order id and its requirements ids; Location is the dossier.")
    @PostMapping
    ResponseEntity<OrderImposedResponse> impose(@Valid @RequestBody ImposeOrderRequest request) {
        UUID orderId = Objects.requireNonNullElseGet(request.id(), NewIds::next);
        List<Requirement> requirements = request.domainRequirements();
        commands.send(new ImposeSupervisoryOrder(orderId, request.authorityId(), request.organisationId(),
                request.reference(), request.legalBasis(), request.issuedOn(), request.summary(), requirements,
                request.noticeWaivedReason()), "order", orderId);
        return created(orderId, requirements);
    }

    /** GiveNoticeOfOrder: partshøring, the draft order and the date the organisation's answer is due. */
    @Operation(operationId = "giveNoticeOfOrder", summary = "Give notice of an order (GiveNoticeOfOrder)",
            description = "An inspector of the authority gives the organisation notice of an order it intends to "
                    + "impose (partshøring): the body of an imposition, issuedOn being the day of the notice, plus "
                    + "responseDue, at least 7 days later. The order's trail starts here; answers the order id and "
                    + "the draft requirements' ids.")
    @ApiResponse(responseCode = "201", description = "Notice given: the order id and the draft requirements' ids; Location is the dossier.")
    @PostMapping("/notices")
    ResponseEntity<OrderImposedResponse> giveNotice(@Valid @RequestBody ImposeOrderRequest request) {
        UUID orderId = Objects.requireNonNullElseGet(request.id(), NewIds::next);
        List<Requirement> requirements = request.domainRequirements();
        commands.send(new GiveNoticeOfOrder(orderId, request.authorityId(), request.organisationId(),
                request.reference(), request.legalBasis(), request.issuedOn(), request.summary(), requirements,
                request.responseDue()), "order", orderId);
        return created(orderId, requirements);
    }

    @Operation(operationId = "respondToNotice", summary = "Answer the notice (RespondToNotice)",
            description = "A leader of the organisation answers the notice: the answer, and for any draft requirement "
                    + "how the organisation will put it right. Until the answer is due it may be replaced; the "
                    + "answer names the version.")
    @PostMapping("/{orderId}/notice-response")
    Accepted respond(@PathVariable UUID orderId, @Valid @RequestBody NoticeResponseRequest request) {
        List<Remedy> remedies = Objects.requireNonNullElse(request.remedies(), List.<RemedyRequest>of()).stream()
                .map(r -> new Remedy(r.requirementId(), r.remedy())).toList();
        Integer version = commands.send(new RespondToNotice(orderId, request.response(), remedies), "order",
                orderId);
        return new Accepted(orderId, version);
    }

    @Operation(operationId = "letNoticeLapse", summary = "Let the notice lapse (LetNoticeLapse)",
            description = "An inspector of the authority imposes no order after all, with a reason (for example: "
                    + "the answer shows how things will be put right). Final.")
    @PostMapping("/{orderId}/notice-lapse")
    Accepted letLapse(@PathVariable UUID orderId, @Valid @RequestBody ReasonRequest request) {
        return send(new LetNoticeLapse(orderId, request.reason()), orderId);
    }

    @Operation(operationId = "imposeOrderOnNotice", summary = "Impose the order on its notice (ImposeSupervisoryOrder)",
            description = "An inspector of the authority imposes the order the notice announced, once the "
                    + "organisation has answered or the answer's day has passed. The requirements may differ from "
                    + "the draft; authority, organisation, reference and legal basis are the notice's.")
    @ApiResponse(responseCode = "201", description = "Imposed: the order id and its requirements ids; Location is the dossier.")
    @PostMapping("/{orderId}/imposition")
    ResponseEntity<OrderImposedResponse> imposeOnNotice(@PathVariable UUID orderId,
                                                        @Valid @RequestBody ImposeOrderRequest.OnNotice request) {
        List<Requirement> requirements = request.domainRequirements();
        commands.send(ImposeSupervisoryOrder.onNotice(orderId, request.issuedOn(), request.summary(), requirements),
                "order", orderId);
        return created(orderId, requirements);
    }

    private ResponseEntity<OrderImposedResponse> created(UUID orderId, List<Requirement> requirements) {
        return ResponseEntity.created(locations.dossier(orderId))
                .body(new OrderImposedResponse(orderId, requirements.stream().map(Requirement::requirementId)
                        .toList()));
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

    /** SubmitComplianceReport: on the requirements verified as met. */
    @Operation(operationId = "submitComplianceReport", summary = "Report on requirements (SubmitComplianceReport)",
            description = "A leader reports requirements verified as met to the authority: those named in "
                    + "requirementIds, or without it every requirement verified as met and neither reported nor "
                    + "accepted. Each reported requirement awaits the authority's decision, its follow-up frozen; "
                    + "the others go on. An order may have several reports.")
    @PostMapping("/{orderId}/compliance-report")
    Accepted report(@PathVariable UUID orderId, @Valid @RequestBody ComplianceReportRequest request) {
        return send(new SubmitComplianceReport(orderId, request.summary(), request.requirementIds()), orderId);
    }

    /** AcceptCompliance, or RejectCompliance with a reason per requirement sent back. */
    @Operation(operationId = "decideCompliance", summary = "Decide reported requirements (AcceptCompliance / RejectCompliance)",
            description = "An inspector of the authority decides requirements awaiting a decision. ACCEPT settles "
                    + "those in requirementIds (absent: every one awaiting a decision). REJECT sends those in "
                    + "rejections back to work, each with its reason; the first round's form, one reason for the "
                    + "requirementIds named, is still read.")
    @PostMapping("/{orderId}/decision")
    Accepted decide(@PathVariable UUID orderId, @Valid @RequestBody DecisionRequest request) {
        Object command = request.decision() == Decision.ACCEPT
                ? new AcceptCompliance(orderId, request.requirementIds())
                : new RejectCompliance(orderId, rejections(request));
        return send(command, orderId);
    }

    /** The rejections asked for, in either form: per requirement, or the first round's one reason for all named. */
    private static List<Rejection> rejections(DecisionRequest request) {
        if (request.rejections() != null && !request.rejections().isEmpty()) {
            return request.rejections().stream().map(r -> new Rejection(r.requirementId(), r.reason())).toList();
        }
        return Objects.requireNonNullElse(request.requirementIds(), List.<UUID>of()).stream()
                .map(id -> new Rejection(id, request.reason())).toList();
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
        UUID publicationId = NewIds.next();
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

    @Operation(operationId = "registerAppeal", summary = "Register an appeal to Ankestyrelsen (RegisterAppeal)",
            description = "A leader of the organisation or an inspector of the authority registers that the "
                    + "organisation complained to Ankestyrelsen: the day it was lodged and the requirements appealed "
                    + "(none named: every requirement still standing that no open appeal holds). Lodged more than four "
                    + "weeks after the order was issued, the appeal is recorded as late, not refused. Deadlines keep "
                    + "running.")
    @ApiResponse(responseCode = "201", description = "Registered: the appeal id; Location is the dossier.")
    @PostMapping("/{orderId}/appeals")
    ResponseEntity<Accepted> registerAppeal(@PathVariable UUID orderId, @Valid @RequestBody AppealRequest request) {
        UUID appealId = NewIds.next();
        commands.send(new RegisterAppeal(orderId, appealId, request.lodgedOn(), request.requirementIds()), "order",
                orderId);
        return ResponseEntity.created(locations.dossier(orderId)).body(Accepted.of(appealId));
    }

    @Operation(operationId = "recordAppealDecision", summary = "Record Ankestyrelsen's decision (RecordAppealDecision)",
            description = "An inspector of the authority records the decision on an open appeal: UPHELD; AMENDED, "
                    + "with the new title, required change and deadline of each amended requirement (the requirement "
                    + "is followed up again); or ANNULLED, which annuls the appealed requirements and ends the order "
                    + "(outcome ANNULLED) when none is left standing. The day decided and a reason.")
    @PostMapping("/{orderId}/appeals/{appealId}/decision")
    Accepted decideAppeal(@PathVariable UUID orderId, @PathVariable UUID appealId,
                          @Valid @RequestBody AppealDecisionRequest request) {
        List<Amendment> amendments = Objects.requireNonNullElse(request.amendments(), List.<AmendmentRequest>of())
                .stream().map(a -> new Amendment(a.requirementId(), a.title(), a.requiredChange(), a.deadline()))
                .toList();
        commands.send(new RecordAppealDecision(orderId, appealId, request.outcome(), request.decidedOn(),
                request.reason(), amendments), "order", orderId);
        return Accepted.of(appealId);
    }

    private Accepted send(Object command, UUID orderId) {
        commands.send(command, "order", orderId);
        return Accepted.of(orderId);
    }
}
