package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.idempotency.NewIds;
import dk.tilsynsspor.command.order.OrderRequests.CommentRequest;
import dk.tilsynsspor.command.order.OrderRequests.ExtensionRequest;
import dk.tilsynsspor.command.order.OrderRequests.ReasonRequest;
import dk.tilsynsspor.command.order.OrderRequests.ReviewRequest;
import dk.tilsynsspor.command.web.Accepted;
import dk.tilsynsspor.command.web.CommandDispatcher;
import dk.tilsynsspor.command.web.Locations;
import dk.tilsynsspor.core.order.CommentOnRequirement;
import dk.tilsynsspor.core.order.RefuseDeadlineExtension;
import dk.tilsynsspor.core.order.RequestDeadlineExtension;
import dk.tilsynsspor.core.order.ReviewActionPlan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The dialogue of a requirement's follow-up: comments, action plan reviews, requests for a later deadline. */
@Tag(name = "requirements")
@RestController
@RequestMapping("/api/orders/{orderId}/requirements/{requirementId}")
class RequirementDialogueController {

    private final CommandDispatcher commands;
    private final Locations locations;

    RequirementDialogueController(CommandDispatcher commands, Locations locations) {
        this.commands = commands;
        this.locations = locations;
    }

    @Operation(operationId = "commentOnRequirement", summary = "Comment on a requirement (CommentOnRequirement)",
            description = "An inspector of the authority or a leader of the organisation adds a remark to the "
                    + "requirement's thread, the dialogue of its follow-up.")
    @ApiResponse(responseCode = "201", description = "Commented: the comment id; Location is the dossier.")
    @PostMapping("/comments")
    ResponseEntity<Accepted> comment(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                                     @Valid @RequestBody CommentRequest request) {
        UUID commentId = NewIds.next();
        commands.send(new CommentOnRequirement(orderId, requirementId, commentId, request.text()), "order",
                orderId);
        return ResponseEntity.created(locations.dossier(orderId)).body(Accepted.of(commentId));
    }

    @Operation(operationId = "reviewActionPlan", summary = "Review an action plan version (ReviewActionPlan)",
            description = "An inspector of the authority reviews a submitted version of the requirement's action "
                    + "plan: APPROVED, or NEEDS_CHANGES with remarks saying which. Each version once.")
    @PostMapping("/action-plans/{version}/review")
    Accepted review(@PathVariable UUID orderId, @PathVariable UUID requirementId, @PathVariable int version,
                    @Valid @RequestBody ReviewRequest request) {
        commands.send(new ReviewActionPlan(orderId, requirementId, version, request.verdict(), request.remarks()),
                "order", orderId);
        return new Accepted(requirementId, version);
    }

    @Operation(operationId = "requestDeadlineExtension", summary = "Ask for a later deadline "
            + "(RequestDeadlineExtension)", description = "A leader of the organisation asks the authority to "
            + "extend the requirement's deadline: the proposed deadline, later than the current one, and why. One "
            + "open request per requirement; the authority extends the deadline (answering it) or refuses it.")
    @ApiResponse(responseCode = "201", description = "Requested: the request id; Location is the dossier.")
    @PostMapping("/extension-requests")
    ResponseEntity<Accepted> requestExtension(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                                              @Valid @RequestBody ExtensionRequest request) {
        UUID requestId = NewIds.next();
        commands.send(new RequestDeadlineExtension(orderId, requirementId, requestId, request.proposedDeadline(),
                request.reason()), "order", orderId);
        return ResponseEntity.created(locations.dossier(orderId)).body(Accepted.of(requestId));
    }

    @Operation(operationId = "refuseDeadlineExtension", summary = "Refuse an extension request "
            + "(RefuseDeadlineExtension)", description = "An inspector of the authority refuses the open extension "
            + "request, saying why; the deadline stays.")
    @PostMapping("/extension-requests/{requestId}/refusal")
    Accepted refuseExtension(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                             @PathVariable UUID requestId, @Valid @RequestBody ReasonRequest request) {
        commands.send(new RefuseDeadlineExtension(orderId, requirementId, requestId, request.reason()), "order",
                orderId);
        return Accepted.of(requestId);
    }
}
