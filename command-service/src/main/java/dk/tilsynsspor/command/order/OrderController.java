package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.web.CommandDispatcher;
import dk.tilsynsspor.command.web.Locations;
import dk.tilsynsspor.core.order.ImposeSupervisoryOrder;
import dk.tilsynsspor.core.order.Requirement;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

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
                .body(new OrderImposedResponse(orderId, requirements.stream().map(Requirement::requirementId).toList()));
    }

    record OrderImposedResponse(UUID id, List<UUID> requirementIds) {
    }
}
