package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.input.ActorId;
import dk.tilsynsspor.command.input.PlausibleDate;
import dk.tilsynsspor.core.order.QualityTheme;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Body of {@code POST /api/orders}. {@code id} and each requirement's {@code id} are optional. */
record ImposeOrderRequest(
        UUID id,
        @NotBlank @ActorId String authorityId,
        @NotBlank @ActorId String organisationId,
        @NotBlank @Size(max = 200) String reference,
        @NotBlank @Size(max = 2000) String legalBasis,
        @NotNull @PlausibleDate LocalDate issuedOn,
        @Size(max = 10000) String summary,
        @NotEmpty @Size(max = 50) @Valid List<@NotNull @Valid RequirementRequest> requirements) {

    record RequirementRequest(
            UUID id,
            @NotBlank @Size(max = 500) String title,
            @NotBlank @Size(max = 10000) String requiredChange,
            @NotNull QualityTheme qualityTheme,
            @NotNull @PlausibleDate LocalDate deadline) {
    }
}
