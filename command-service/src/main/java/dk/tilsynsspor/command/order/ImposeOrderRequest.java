package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.idempotency.NewIds;
import dk.tilsynsspor.command.input.ActorId;
import dk.tilsynsspor.command.input.OneLine;
import dk.tilsynsspor.command.input.PlausibleDate;
import dk.tilsynsspor.core.order.QualityTheme;
import dk.tilsynsspor.core.order.EvidenceKind;
import dk.tilsynsspor.core.order.Requirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Body of {@code POST /api/orders} (with {@code noticeWaivedReason}) and of {@code POST /api/orders/notices} (with
 * {@code responseDue}). {@code id} and each requirement's {@code id} are optional.
 */
record ImposeOrderRequest(
        UUID id,
        @NotBlank @ActorId String authorityId,
        @NotBlank @ActorId String organisationId,
        @NotBlank @OneLine @Size(max = 200) String reference,
        @NotBlank @Size(max = 2000) String legalBasis,
        @NotNull @PlausibleDate LocalDate issuedOn,
        @Size(max = 10000) String summary,
        @NotEmpty @Size(max = 50) @Valid List<@NotNull @Valid RequirementRequest> requirements,
        @Size(max = 5000) String noticeWaivedReason,
        @PlausibleDate LocalDate responseDue) {

    /** The requirements as the domain names them, each with its id (a new one where the client gave none). */
    List<Requirement> domainRequirements() {
        return requirements.stream().map(RequirementRequest::toRequirement).toList();
    }

    record RequirementRequest(
            UUID id,
            @NotBlank @OneLine @Size(max = 500) String title,
            @NotBlank @Size(max = 10000) String requiredChange,
            @NotNull QualityTheme qualityTheme,
            @NotNull @PlausibleDate LocalDate deadline,
            @Size(max = 3) List<@NotNull EvidenceKind> requiredEvidence) {

        Requirement toRequirement() {
            return new Requirement(Objects.requireNonNullElseGet(id, NewIds::next), title, requiredChange,
                    qualityTheme, deadline, requiredEvidence == null || requiredEvidence.isEmpty() ? null
                    : requiredEvidence.stream().distinct().sorted().toList());
        }
    }

    /** Body of {@code POST /api/orders/{id}/imposition}: the order as imposed on its notice. */
    record OnNotice(
            @NotNull @PlausibleDate LocalDate issuedOn,
            @Size(max = 10000) String summary,
            @NotEmpty @Size(max = 50) @Valid List<@NotNull @Valid RequirementRequest> requirements) {

        List<Requirement> domainRequirements() {
            return requirements.stream().map(RequirementRequest::toRequirement).toList();
        }
    }
}
