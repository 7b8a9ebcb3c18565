package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.idempotency.NewIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dk.tilsynsspor.command.order.OrderRequests.ActionPlanRequest;
import dk.tilsynsspor.command.order.OrderRequests.DeadlineRequest;
import dk.tilsynsspor.command.order.OrderRequests.MeasurementRequest;
import dk.tilsynsspor.command.order.OrderRequests.QualityGoalRequest;
import dk.tilsynsspor.command.order.OrderRequests.VerificationRequest;
import dk.tilsynsspor.command.web.Accepted;
import dk.tilsynsspor.command.web.CommandDispatcher;
import dk.tilsynsspor.command.web.Locations;
import dk.tilsynsspor.core.order.DefineQualityGoal;
import dk.tilsynsspor.core.order.Evidence;
import dk.tilsynsspor.core.order.ExtendRequirementDeadline;
import dk.tilsynsspor.core.order.Milestone;
import dk.tilsynsspor.core.order.RecordQualityMeasurement;
import dk.tilsynsspor.core.order.SubmitActionPlan;
import dk.tilsynsspor.core.order.VerifyQualityImprovement;
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

/** The commands on one requirement of an order: its follow-up from action plan to verification. */
@Tag(name = "requirements")
@RestController
@RequestMapping("/api/orders/{orderId}/requirements/{requirementId}")
class RequirementController {

    private final CommandDispatcher commands;
    private final Locations locations;

    RequirementController(CommandDispatcher commands, Locations locations) {
        this.commands = commands;
        this.locations = locations;
    }

    /** SubmitActionPlan (handleplan); a second submission is a new version. */
    @Operation(operationId = "submitActionPlan", summary = "Submit an action plan (SubmitActionPlan)",
            description = "A leader submits the action plan of a requirement: planned changes, responsible leader and milestones. A second submission is a new version; the answer names the version.")
    @ApiResponse(responseCode = "201", description = "Submitted: the requirement id and the plan version; Location is the dossier.")
    @PostMapping("/action-plans")
    ResponseEntity<Accepted> submitActionPlan(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                                              @Valid @RequestBody ActionPlanRequest request) {
        List<Milestone> milestones = request.milestones().stream()
                .map(m -> new Milestone(m.description(), m.dueOn())).toList();
        Integer version = commands.send(new SubmitActionPlan(orderId, requirementId, request.plannedChanges(),
                request.responsibleLeader(), milestones), "order", orderId);
        return ResponseEntity.created(locations.dossier(orderId)).body(new Accepted(requirementId, version));
    }

    /** DefineQualityGoal. */
    @Operation(operationId = "defineQualityGoal", summary = "Define the quality goal (DefineQualityGoal)",
            description = "A leader sets the indicator, unit, baseline, target and direction; the target must improve on the baseline; once per requirement.")
    @ApiResponse(responseCode = "201", description = "Defined: the requirement id; Location is the dossier.")
    @PostMapping("/quality-goal")
    ResponseEntity<Accepted> defineGoal(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                                        @Valid @RequestBody QualityGoalRequest request) {
        commands.send(new DefineQualityGoal(orderId, requirementId, request.indicator(), request.unit(),
                request.baseline(), request.target(), request.direction()), "order", orderId);
        return ResponseEntity.created(locations.dossier(orderId)).body(Accepted.of(requirementId));
    }

    /** RecordQualityMeasurement; answers the measurement's id, which a verification cites. */
    @Operation(operationId = "recordMeasurement", summary = "Record a measurement (RecordQualityMeasurement)",
            description = "A leader records a value of the quality goal's indicator, when it was measured and its source. The answer's id is what a verification cites.")
    @ApiResponse(responseCode = "201", description = "Recorded: the measurement id; Location is the dossier.")
    @PostMapping("/measurements")
    ResponseEntity<Accepted> measure(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                                     @Valid @RequestBody MeasurementRequest request) {
        UUID measurementId = Objects.requireNonNullElseGet(request.id(), NewIds::next);
        commands.send(new RecordQualityMeasurement(orderId, requirementId, measurementId, request.value(),
                request.measuredOn(), request.source()), "order", orderId);
        return ResponseEntity.created(locations.dossier(orderId)).body(Accepted.of(measurementId));
    }

    /** VerifyQualityImprovement, citing insights, measurements and documents as evidence. */
    @Operation(operationId = "verifyImprovement", summary = "Verify the improvement (VerifyQualityImprovement)",
            description = "A leader concludes whether the goal is met, citing evidence of the requirement: at least "
                    + "one of each kind it requires (requiredEvidence; by default an insight and a measurement). "
                    + "Documents cited must be attached for the requirement and not withdrawn.")
    @PostMapping("/verification")
    Accepted verify(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                    @Valid @RequestBody VerificationRequest request) {
        var cited = request.evidence();
        Evidence evidence = new Evidence(
                cited == null || cited.insightIds() == null ? List.of() : cited.insightIds(),
                cited == null || cited.measurementIds() == null ? List.of() : cited.measurementIds(),
                cited == null || cited.documentIds() == null ? List.of() : cited.documentIds());
        commands.send(new VerifyQualityImprovement(orderId, requirementId, request.goalMet(), request.conclusion(),
                evidence), "order", orderId);
        return Accepted.of(requirementId);
    }

    /** ExtendRequirementDeadline. */
    @Operation(operationId = "extendDeadline", summary = "Extend the deadline (ExtendRequirementDeadline)",
            description = "An inspector of the authority moves the requirement's deadline later, with a reason. It answers the open extension request (requestId names it, or the open one is answered).")
    @PostMapping("/deadline")
    Accepted extendDeadline(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                            @Valid @RequestBody DeadlineRequest request) {
        commands.send(new ExtendRequirementDeadline(orderId, requirementId, request.newDeadline(), request.reason(),
                request.requestId()), "order", orderId);
        return Accepted.of(requirementId);
    }
}
