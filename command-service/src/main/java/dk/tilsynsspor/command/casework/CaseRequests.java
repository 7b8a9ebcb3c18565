package dk.tilsynsspor.command.casework;

import dk.tilsynsspor.command.input.ActorId;
import dk.tilsynsspor.command.input.OneLine;
import dk.tilsynsspor.command.input.PlausibleDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bodies of the case routes (syntax and required fields; the rules are the aggregate's). */
final class CaseRequests {

    private CaseRequests() {
    }

    record OpenCaseRequest(UUID id, @NotBlank @ActorId String organisationId,
                           @NotBlank @OneLine @Size(max = 200) String citizenRef, UUID orderId,
                           @Size(max = 50) List<@NotNull UUID> requirementIds) {
    }

    record LinkRequest(@NotNull UUID orderId, @NotEmpty @Size(max = 50) List<@NotNull UUID> requirementIds) {
    }

    record AssignmentRequest(@NotBlank @ActorId String professionalId,
                             @NotBlank @OneLine @Size(max = 300) String name,
                             @NotBlank @OneLine @Size(max = 200) String discipline,
                             @NotBlank @OneLine @Size(max = 200) String sector,
                             @NotBlank @OneLine @Size(max = 200) String role,
                             @ActorId String homeOrganisationId) {
    }

    record ThemeRequest(UUID id, @NotBlank @ActorId String professionalId,
                        @NotBlank @Size(max = 5000) String theme, UUID requirementId) {
    }

    record SessionRequest(UUID id, @NotNull @PlausibleDate LocalDate heldOn,
                          @NotBlank @OneLine @Size(max = 300) String facilitator,
                          @NotEmpty @Size(max = 50) List<@NotBlank @ActorId String> participantIds,
                          @Size(max = 50) List<@NotNull UUID> requirementIds) {
    }

    record InsightRequest(UUID id, @NotBlank @ActorId String professionalId, UUID requirementId,
                          @NotBlank @Size(max = 20000) String insight,
                          @NotBlank @Size(max = 20000) String practiceChange) {
    }

    /** {@code professionalId} absent: the caller. */
    record FollowUpRequest(@ActorId String professionalId, @NotNull Boolean adopted,
                           @PlausibleDate LocalDate adoptedOn, @Size(max = 10000) String note) {
    }

    record ScoreRequest(@NotBlank @OneLine @Size(max = 100) String dimension, @NotNull Integer score) {
    }

    record ProgressRequest(UUID id, @NotNull @PlausibleDate LocalDate assessedOn,
                           @NotNull @Size(max = 30) @Valid List<@NotNull @Valid ScoreRequest> scores,
                           @Size(max = 5000) String note) {
    }

    record ForgetRequest(@NotBlank @Size(max = 5000) String reason) {
    }
}
