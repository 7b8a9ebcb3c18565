package dk.tilsynsspor.command.casework;

import dk.tilsynsspor.command.idempotency.NewIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dk.tilsynsspor.command.casework.CaseRequests.AssignmentRequest;
import dk.tilsynsspor.command.casework.CaseRequests.ForgetRequest;
import dk.tilsynsspor.command.casework.CaseRequests.InsightRequest;
import dk.tilsynsspor.command.casework.CaseRequests.LinkRequest;
import dk.tilsynsspor.core.casework.LinkCaseToRequirements;
import dk.tilsynsspor.core.casework.UnlinkCaseFromRequirements;
import dk.tilsynsspor.command.casework.CaseRequests.OpenCaseRequest;
import dk.tilsynsspor.command.casework.CaseRequests.SessionRequest;
import dk.tilsynsspor.command.casework.CaseRequests.ThemeRequest;
import dk.tilsynsspor.command.web.Accepted;
import dk.tilsynsspor.command.web.CommandDispatcher;
import dk.tilsynsspor.command.web.Locations;
import dk.tilsynsspor.core.casework.AssignProfessionalToCase;
import dk.tilsynsspor.core.casework.ChooseDevelopmentTheme;
import dk.tilsynsspor.core.casework.CloseCitizenCase;
import dk.tilsynsspor.core.casework.ForgetCitizen;
import dk.tilsynsspor.core.casework.HoldLearningSession;
import dk.tilsynsspor.core.casework.OpenCitizenCase;
import dk.tilsynsspor.core.casework.RecordSessionInsight;
import dk.tilsynsspor.core.casework.FollowUpPracticeChange;
import dk.tilsynsspor.core.casework.AssessCitizenProgress;
import dk.tilsynsspor.core.casework.DimensionScore;
import dk.tilsynsspor.command.casework.CaseRequests.ProgressRequest;
import dk.tilsynsspor.command.casework.CaseRequests.FollowUpRequest;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.core.casework.ReleaseProfessionalFromCase;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Objects;
import java.util.UUID;

/** The commands on a citizen case: its team, development themes, learning sessions and insights. */
@Tag(name = "cases")
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CommandDispatcher commands;
    private final Locations locations;
    private final CurrentActor currentActor;

    CaseController(CommandDispatcher commands, Locations locations, CurrentActor currentActor) {
        this.currentActor = currentActor;
        this.commands = commands;
        this.locations = locations;
    }

    /** OpenCitizenCase: the citizen by a pseudonymous reference, and the order and requirements it serves. */
    @Operation(operationId = "openCase", summary = "Open a citizen case (OpenCitizenCase)",
            description = "A leader opens a case for a citizen, by a pseudonymous reference (never a CPR number), serving requirements of one of the organisation's orders, or — without orderId and requirementIds — serving none yet (ongoing professional development; linked later if ever).")
    @ApiResponse(responseCode = "201", description = "Opened: the case id; Location is the case view.")
    @PostMapping
    ResponseEntity<Accepted> open(@Valid @RequestBody OpenCaseRequest request) {
        UUID caseId = Objects.requireNonNullElseGet(request.id(), NewIds::next);
        commands.send(new OpenCitizenCase(caseId, request.organisationId(), request.citizenRef(), request.orderId(),
                request.requirementIds()), "case", caseId);
        return created(caseId, caseId);
    }

    /** LinkCaseToRequirements: the case serves these requirements of an open order of its organisation too. */
    @Operation(operationId = "linkCase", summary = "Link the case to requirements (LinkCaseToRequirements)",
            description = "A leader links a case — for instance one opened without an order, for ongoing professional "
                    + "development — to requirements of an open order of the organisation. A case serves one order "
                    + "at a time. From then on its themes, sessions and insights may serve them, and its events, "
                    + "the earlier ones included, are in the order's trail.")
    @PostMapping("/{caseId}/requirement-links")
    Accepted link(@PathVariable UUID caseId, @Valid @RequestBody LinkRequest request) {
        commands.send(new LinkCaseToRequirements(caseId, request.orderId(), request.requirementIds()), "case",
                caseId);
        return Accepted.of(caseId);
    }

    /** UnlinkCaseFromRequirements. */
    @Operation(operationId = "unlinkCase", summary = "Unlink the case from requirements (UnlinkCaseFromRequirements)",
            description = "A leader takes requirements off what the case serves. With none left the case serves no "
                    + "order; what it did for the order stays in the order's trail.")
    @PostMapping("/{caseId}/requirement-links/removal")
    Accepted unlink(@PathVariable UUID caseId, @Valid @RequestBody LinkRequest request) {
        commands.send(new UnlinkCaseFromRequirements(caseId, request.orderId(), request.requirementIds()), "case",
                caseId);
        return Accepted.of(caseId);
    }

    /** AssignProfessionalToCase. */
    @Operation(operationId = "assignProfessional", summary = "Put a professional on the team (AssignProfessionalToCase)",
            description = "A leader puts a professional on the case's team with their name, discipline, sector and role, "
                    + "and their home organisation when it is not the case's (a psychologist of regional psychiatry "
                    + "on a residential unit's case): they then read and act on this case, and nothing else of the "
                    + "case's organisation.")
    @ApiResponse(responseCode = "201", description = "Assigned: the case id; Location is the case view.")
    @PostMapping("/{caseId}/team")
    ResponseEntity<Accepted> assign(@PathVariable UUID caseId, @Valid @RequestBody AssignmentRequest request) {
        commands.send(new AssignProfessionalToCase(caseId, request.professionalId(), request.name(),
                request.discipline(), request.sector(), request.role(), request.homeOrganisationId()), "case", caseId);
        return created(caseId, caseId);
    }

    /** ReleaseProfessionalFromCase. */
    @Operation(operationId = "releaseProfessional", summary = "Release a professional from the team (ReleaseProfessionalFromCase)",
            description = "A leader takes a professional off the case's team.")
    @DeleteMapping("/{caseId}/team/{professionalId}")
    Accepted release(@PathVariable UUID caseId, @PathVariable String professionalId) {
        commands.send(new ReleaseProfessionalFromCase(caseId, professionalId), "case", caseId);
        return Accepted.of(caseId);
    }

    /** ChooseDevelopmentTheme. */
    @Operation(operationId = "chooseTheme", summary = "Choose a development theme (ChooseDevelopmentTheme)",
            description = "A professional on the team chooses a theme to develop, for a requirement the case serves.")
    @ApiResponse(responseCode = "201", description = "Chosen: the theme id; Location is the case view.")
    @PostMapping("/{caseId}/development-themes")
    ResponseEntity<Accepted> chooseTheme(@PathVariable UUID caseId, @Valid @RequestBody ThemeRequest request) {
        UUID themeId = Objects.requireNonNullElseGet(request.id(), NewIds::next);
        commands.send(new ChooseDevelopmentTheme(caseId, themeId, request.professionalId(), request.theme(),
                request.requirementId()), "case", caseId);
        return created(caseId, themeId);
    }

    /** HoldLearningSession. */
    @Operation(operationId = "holdSession", summary = "Record a learning session (HoldLearningSession)",
            description = "A leader or a professional on the team records a session held: date, facilitator, participants from the team, requirements served.")
    @ApiResponse(responseCode = "201", description = "Recorded: the session id; Location is the case view.")
    @PostMapping("/{caseId}/sessions")
    ResponseEntity<Accepted> holdSession(@PathVariable UUID caseId, @Valid @RequestBody SessionRequest request) {
        UUID sessionId = Objects.requireNonNullElseGet(request.id(), NewIds::next);
        commands.send(new HoldLearningSession(caseId, sessionId, request.heldOn(), request.facilitator(),
                request.participantIds(), request.requirementIds()), "case", caseId);
        return created(caseId, sessionId);
    }

    /** RecordSessionInsight: the insight and the agreed practice change. */
    @Operation(operationId = "recordInsight", summary = "Record an insight (RecordSessionInsight)",
            description = "A participant of the session records their insight and the practice change agreed, for a requirement the session served.")
    @ApiResponse(responseCode = "201", description = "Recorded: the insight id; Location is the case view.")
    @PostMapping("/{caseId}/sessions/{sessionId}/insights")
    ResponseEntity<Accepted> recordInsight(@PathVariable UUID caseId, @PathVariable UUID sessionId,
                                           @Valid @RequestBody InsightRequest request) {
        UUID insightId = Objects.requireNonNullElseGet(request.id(), NewIds::next);
        commands.send(new RecordSessionInsight(caseId, sessionId, insightId, request.professionalId(),
                request.requirementId(), request.insight(), request.practiceChange()), "case", caseId);
        return created(caseId, insightId);
    }

    /** FollowUpPracticeChange: was the agreed practice change adopted in daily work? */
    @Operation(operationId = "followUpPracticeChange", summary = "Follow up an agreed practice change (FollowUpPracticeChange)",
            description = "A professional on the team says whether an insight's agreed practice change was adopted in "
                    + "daily work, on which day, with a note (required when it was not). A later follow-up "
                    + "supersedes an earlier one; the dossier counts per requirement the changes agreed, followed up "
                    + "and adopted. professionalId defaults to the caller.")
    @PostMapping("/{caseId}/sessions/{sessionId}/insights/{insightId}/follow-up")
    Accepted followUp(@PathVariable UUID caseId, @PathVariable UUID sessionId, @PathVariable UUID insightId,
                      @Valid @RequestBody FollowUpRequest request) {
        String professionalId = request.professionalId() != null ? request.professionalId()
                : currentActor.get().id();
        commands.send(new FollowUpPracticeChange(caseId, sessionId, insightId, professionalId, request.adopted(),
                request.adoptedOn(), request.note()), "case", caseId);
        return Accepted.of(insightId);
    }

    /** AssessCitizenProgress: scores 1 to 10 on the organisation's dimensions, sealed under the case's key. */
    @Operation(operationId = "assessProgress", summary = "Assess the citizen's progress (AssessCitizenProgress)",
            description = "A professional on the team or a leader of the organisation scores the citizen's progress, "
                    + "1 to 10, on the organisation's own dimensions (e.g. the topics of a forandringskompas), on a "
                    + "day, with a note. The scores and the note are personal data: sealed under the case's key, "
                    + "erased when the citizen is forgotten. The case view charts each dimension over time.")
    @ApiResponse(responseCode = "201", description = "Assessed: the assessment id; Location is the case view.")
    @PostMapping("/{caseId}/progress-assessments")
    ResponseEntity<Accepted> assess(@PathVariable UUID caseId, @Valid @RequestBody ProgressRequest request) {
        UUID assessmentId = Objects.requireNonNullElseGet(request.id(), NewIds::next);
        commands.send(new AssessCitizenProgress(caseId, assessmentId, request.assessedOn(), request.scores().stream()
                .map(score -> new DimensionScore(score.dimension(), score.score())).toList(), request.note()),
                "case", caseId);
        return created(caseId, assessmentId);
    }

    /** CloseCitizenCase. */
    @Operation(operationId = "closeCase", summary = "Close the case (CloseCitizenCase)",
            description = "A leader closes the case; it accepts nothing more, its history stays.")
    @PostMapping("/{caseId}/closure")
    Accepted close(@PathVariable UUID caseId) {
        commands.send(new CloseCitizenCase(caseId), "case", caseId);
        return Accepted.of(caseId);
    }

    /**
     * ForgetCitizen: destroys the key of the case's personal data; refused while the order it serves is open
     * (legal hold). The erasure receipt holds no personal data.
     */
    @Operation(operationId = "forgetCitizen", summary = "Forget the citizen (ForgetCitizen)",
            description = "A leader erases the citizen's personal data for good (crypto-shredding): the reference and every text about the citizen become unreadable, also in the trail and exports; who did what when stays.")
    @PostMapping("/{caseId}/forget")
    Accepted forget(@PathVariable UUID caseId, @Valid @RequestBody ForgetRequest request) {
        commands.send(new ForgetCitizen(caseId, request.reason()), "case", caseId);
        return Accepted.of(caseId);
    }

    private ResponseEntity<Accepted> created(UUID caseId, UUID id) {
        return ResponseEntity.created(locations.caseView(caseId)).body(Accepted.of(id));
    }
}
