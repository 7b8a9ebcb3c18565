package dk.tilsynsspor.query.order;

import dk.tilsynsspor.query.pages.Commands;
import dk.tilsynsspor.query.pages.Commands.Outcome;
import dk.tilsynsspor.query.pages.Commands.Refusal;
import dk.tilsynsspor.query.pages.FormInput;
import dk.tilsynsspor.query.pages.FormPosts;
import dk.tilsynsspor.query.pages.Forms;
import dk.tilsynsspor.query.pages.PageController;
import dk.tilsynsspor.query.replay.ReadYourWrites;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static dk.tilsynsspor.query.pages.FormInput.body;

/**
 * A requirement's forms on the dossier: the leader's action plan (milestones as rows, a row added without
 * JavaScript; a new plan is a new version), quality goal, measurements (several rows at once), verification citing
 * the requirement's insights and measurements by their text, a request for a later deadline; the inspector's
 * extension of the deadline (granting an open request), refusal of a request and review of a plan version; the
 * comment thread, for both.
 */
@PageController
class RequirementForms {

    static final int MAX_MILESTONES = 50;
    static final int MAX_MEASUREMENT_ROWS = 20;

    private final Commands commands;
    private final FormPosts posts;
    private final ReadYourWrites readYourWrites;

    RequirementForms(Commands commands, FormPosts posts, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.posts = posts;
        this.readYourWrites = readYourWrites;
    }

    @PostMapping("/paabud/{orderId}/krav/{requirementId}/handleplan")
    String actionPlan(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                      @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return send(orderId, requirementId, form, redirect, "handleplan", "action-plans",
                "Handleplanen er indsendt.", input -> body(
                        "plannedChanges", input.text("plannedChanges"),
                        "responsibleLeader", input.text("responsibleLeader"),
                        "milestones", input.rows("milestones", MAX_MILESTONES, row -> body(
                                "description", row.text("description"),
                                "dueOn", row.date("dueOn")))));
    }

    @PostMapping("/paabud/{orderId}/krav/{requirementId}/kvalitetsmaal")
    String qualityGoal(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                       @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return send(orderId, requirementId, form, redirect, "kvalitetsmaal", "quality-goal",
                "Kvalitetsmålet er fastsat.", input -> body(
                        "indicator", input.text("indicator"),
                        "unit", input.text("unit"),
                        "baseline", input.number("baseline"),
                        "target", input.number("target"),
                        "direction", input.text("direction")));
    }

    @PostMapping("/paabud/{orderId}/krav/{requirementId}/verifikation")
    String verify(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                  @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return send(orderId, requirementId, form, redirect, "verifikation", "verification",
                "Verificeringen er registreret.", input -> {
                    Boolean goalMet = input.yesNo("goalMet");
                    if (goalMet == null) {
                        input.error("goalMet", "Vælg, om målet er nået.");
                    }
                    return body("goalMet", goalMet, "conclusion", input.text("conclusion"),
                            "evidence", body("insightIds", input.list("insightIds"),
                                    "measurementIds", input.list("measurementIds"),
                                    "documentIds", input.list("documentIds")));
                });
    }

    @PostMapping("/paabud/{orderId}/krav/{requirementId}/frist")
    String extendDeadline(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                          @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return send(orderId, requirementId, form, redirect, "frist", "deadline", "Fristen er forlænget.",
                input -> body("newDeadline", input.date("newDeadline"), "reason", input.text("reason"),
                        "requestId", input.text("requestId")));
    }

    @PostMapping("/paabud/{orderId}/krav/{requirementId}/kommentarer")
    String comment(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                   @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return send(orderId, requirementId, form, redirect, "kommentar", "comments", "Kommentaren er tilføjet.",
                input -> body("text", input.text("text")));
    }

    @PostMapping("/paabud/{orderId}/krav/{requirementId}/handleplan/{version}/vurdering")
    String review(@PathVariable UUID orderId, @PathVariable UUID requirementId, @PathVariable int version,
                  @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return posts.post(form, "vurdering-" + requirementId + "-" + version, "/paabud/" + orderId,
                "/api/orders/" + orderId + "/requirements/" + requirementId + "/action-plans/" + version + "/review",
                redirect, "Vurderingen af handleplanen er registreret.", input -> {
                    if (input.text("verdict") == null) {
                        input.error("verdict", "Vælg, om planen godkendes eller skal ændres.");
                    }
                    return body("verdict", input.text("verdict"), "remarks", input.text("remarks"));
                });
    }

    @PostMapping("/paabud/{orderId}/krav/{requirementId}/fristanmodning")
    String requestExtension(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return send(orderId, requirementId, form, redirect, "fristanmodning", "extension-requests",
                "Anmodningen om fristforlængelse er sendt til tilsynet.", input -> body(
                        "proposedDeadline", input.date("proposedDeadline"), "reason", input.text("reason")));
    }

    @PostMapping("/paabud/{orderId}/krav/{requirementId}/fristanmodning/{requestId}/afslag")
    String refuseExtension(@PathVariable UUID orderId, @PathVariable UUID requirementId, @PathVariable UUID requestId,
                           @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return send(orderId, requirementId, form, redirect, "afslag", "extension-requests/" + requestId
                + "/refusal", "Anmodningen om fristforlængelse er afslået.", input -> body(
                        "reason", input.text("reason")));
    }

    /**
     * Several measurements typed as rows of a table: one command each, in order, each with a key of its own (the
     * form's key and its row), so that sending the table again after a refusal halfway records the rows before it
     * once only. The first refused row stops the rest; the page says which rows were recorded.
     */
    @PostMapping("/paabud/{orderId}/krav/{requirementId}/maalinger")
    String measurements(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                        @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormInput input = new FormInput(form);
        input.requireRowsWithin("measurements", MAX_MEASUREMENT_ROWS);
        String name = "maalinger-" + requirementId;
        String back = "/paabud/" + orderId;
        record Row(int index, BigDecimal value, LocalDate measuredOn, String source) {
        }
        List<Row> rows = new ArrayList<>();
        for (int index = 0; index < MAX_MEASUREMENT_ROWS; index++) {
            String prefix = "measurements[" + index + "].";
            String value = input.text(prefix + "value");
            String measuredOn = input.text(prefix + "measuredOn");
            String source = input.text(prefix + "source");
            if (value != null || measuredOn != null || source != null) {
                rows.add(new Row(index, input.number(prefix + "value"), input.date(prefix + "measuredOn"), source));
            }
        }
        if (rows.isEmpty() && !input.wantsAnotherRow()) {
            input.error("measurements[0].value", "Skriv mindst én måling.");
        }
        if (input.wantsAnotherRow() || input.hasErrors()) {
            Forms.refused(redirect, name, form, input.hasErrors() ? input.refusal() : null);
            return "redirect:" + back + "#" + name + (input.hasErrors() ? "-afvist" : "");
        }
        String key = input.idempotencyKey();
        int recorded = 0;
        for (Row row : rows) {
            Outcome outcome = commands.post("/api/orders/" + orderId + "/requirements/" + requirementId
                            + "/measurements", body("value", row.value(), "measuredOn", row.measuredOn(),
                            "source", row.source()), key == null ? null : key + "-" + row.index());
            if (outcome instanceof Outcome.Refused refused) {
                Refusal why = refused.refusal();
                String prefix = "measurements[" + row.index() + "].";
                String detail = (recorded == 0 ? "" : (recorded == 1 ? "Den første række er registreret"
                        : "De " + recorded + " første rækker er registreret")
                        + "; sendes tabellen igen, registreres de ikke to gange. ")
                        + "Række " + (row.index() + 1) + " blev afvist: " + why.detail();
                Forms.refused(redirect, name, form, new Refusal(why.status(), why.code(), why.title(), detail,
                        why.errors().stream().map(error -> new Refusal.FieldError(prefix + error.field(),
                                error.message())).toList()));
                readYourWrites.awaitProjected();
                return "redirect:" + back + "#" + name + "-afvist";
            }
            recorded++;
        }
        readYourWrites.awaitProjected();
        Forms.done(redirect, recorded == 1 ? "Målingen er registreret." : recorded + " målinger er registreret.");
        return "redirect:" + back + "#" + name;
    }

    private String send(UUID orderId, UUID requirementId, MultiValueMap<String, String> form,
                        RedirectAttributes redirect, String name, String route, String recorded,
                        Function<FormInput, Map<String, ?>> read) {
        return posts.post(form, name + "-" + requirementId, "/paabud/" + orderId,
                "/api/orders/" + orderId + "/requirements/" + requirementId + "/" + route, redirect, recorded, read);
    }
}
