package dk.tilsynsspor.query.casework;

import dk.tilsynsspor.core.casework.query.CaseView;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.query.pages.Commands;
import dk.tilsynsspor.query.pages.FormInput;
import dk.tilsynsspor.query.pages.FormPosts;
import dk.tilsynsspor.query.pages.Forms;
import dk.tilsynsspor.query.pages.PageController;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static dk.tilsynsspor.query.pages.FormInput.body;

/**
 * A citizen case's forms: the leader builds the team (and releases from it), closes the case and forgets the citizen
 * (after a confirmation); the professionals on the team choose development themes, record a learning session right
 * after it, and each their insight and the practice change agreed. Each sends the API's command as the signed-in
 * user, then shows the case.
 */
@PageController
class CaseForms {

    private final Commands commands;
    private final FormPosts posts;
    private final CurrentActor currentActor;
    private final CaseReads cases;

    CaseForms(Commands commands, FormPosts posts, CurrentActor currentActor, CaseReads cases) {
        this.commands = commands;
        this.posts = posts;
        this.currentActor = currentActor;
        this.cases = cases;
    }

    @PostMapping("/sager/{caseId}/team")
    String assign(@PathVariable UUID caseId, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes redirect) {
        return send(caseId, form, redirect, "team", "team", "Fagpersonen er sat på teamet.", input -> body(
                "professionalId", input.text("professionalId"),
                "name", input.text("name"),
                "discipline", input.text("discipline"),
                "sector", input.text("sector"),
                "role", input.text("role"),
                "homeOrganisationId", input.text("homeOrganisationId")));
    }

    @PostMapping("/sager/{caseId}/team/{professionalId}/frigiv")
    String release(@PathVariable UUID caseId, @PathVariable String professionalId,
                   @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormInput input = new FormInput(form);
        return posts.send(input, "frigiv-" + professionalId, "/sager/" + caseId, redirect,
                "Fagpersonen er frigjort fra teamet.",
                key -> commands.delete(path(caseId, "team/" + professionalId), key));
    }

    /** A leader opens a case that serves no order (ongoing professional development), from the overview. */
    @PostMapping("/sager/ny")
    String openWithoutAnOrder(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormInput input = new FormInput(form);
        Map<String, Object> opening = body("organisationId", currentActor.get().scope(),
                "citizenRef", input.text("citizenRef"));
        return posts.send(input, "ny-sag", "/overblik", redirect,
                key -> commands.post("/api/cases", opening, key),
                answer -> {
                    Forms.done(redirect, "Borgersagen er oprettet. Sæt teamet af fagpersoner herunder.");
                    return "/sager/" + answer.path("id").asText();
                });
    }

    /** A leader links the case to requirements of one order; the form's boxes say "order:requirement". */
    @PostMapping("/sager/{caseId}/krav")
    String link(@PathVariable UUID caseId, @RequestParam MultiValueMap<String, String> form,
                RedirectAttributes redirect) {
        return links(caseId, form, redirect, "tilknyt", "requirement-links",
                "Sagen er knyttet til kravene; dens forløb står nu også i påbuddets revisionsspor.");
    }

    @PostMapping("/sager/{caseId}/krav/fjern")
    String unlink(@PathVariable UUID caseId, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes redirect) {
        return links(caseId, form, redirect, "fjern-krav", "requirement-links/removal",
                "Sagen tjener ikke længere de valgte krav.");
    }

    private String links(UUID caseId, MultiValueMap<String, String> form, RedirectAttributes redirect, String name,
                         String route, String recorded) {
        return posts.post(form, name, "/sager/" + caseId, path(caseId, route), redirect, recorded, input -> {
            java.util.Set<String> orders = new java.util.LinkedHashSet<>();
            List<String> requirements = new java.util.ArrayList<>();
            for (String picked : input.list("requirementIds")) {
                String[] parts = picked.split(":", 2);
                if (parts.length == 2) {
                    orders.add(parts[0]);
                    requirements.add(parts[1]);
                }
            }
            if (requirements.isEmpty()) {
                input.error("requirementIds", "Vælg mindst ét krav.");
            } else if (orders.size() > 1) {
                input.error("requirementIds", "En sag tjener ét påbud ad gangen: vælg krav fra ét påbud.");
            }
            return body("orderId", orders.isEmpty() ? null : orders.iterator().next(),
                    "requirementIds", requirements);
        });
    }

    @PostMapping("/sager/{caseId}/temaer")
    String chooseTheme(@PathVariable UUID caseId, @RequestParam MultiValueMap<String, String> form,
                       RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        return send(caseId, form, redirect, "tema", "development-themes", "Udviklingstemaet er valgt.",
                input -> body("professionalId", actor.id(), "theme", input.text("theme"),
                        "requirementId", input.text("requirementId")));
    }

    @PostMapping("/sager/{caseId}/moeder")
    String holdSession(@PathVariable UUID caseId, @RequestParam MultiValueMap<String, String> form,
                       RedirectAttributes redirect) {
        FormInput input = new FormInput(form);
        Map<String, Object> session = body(
                "heldOn", input.date("heldOn"),
                "facilitator", input.text("facilitator"),
                "participantIds", input.list("participantIds"),
                "requirementIds", input.list("requirementIds"));
        return posts.send(input, "moede", "/sager/" + caseId, redirect,
                key -> commands.post(path(caseId, "sessions"), session, key),
                answer -> {
                    Forms.done(redirect, "Læringsmødet er registreret. Skriv hver deltagers indsigt herunder.");
                    return "/sager/" + caseId + "#moede-" + answer.path("id").asText();
                });
    }

    @PostMapping("/sager/{caseId}/moeder/{sessionId}/indsigter")
    String recordInsight(@PathVariable UUID caseId, @PathVariable UUID sessionId,
                         @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        FormInput input = new FormInput(form);
        Map<String, Object> insight = body(
                "professionalId", actor.id(),
                "requirementId", input.text("requirementId"),
                "insight", input.text("insight"),
                "practiceChange", input.text("practiceChange"));
        return posts.send(input, "indsigt-" + sessionId, "/sager/" + caseId, redirect,
                key -> commands.post(path(caseId, "sessions/" + sessionId + "/insights"), insight, key),
                answer -> {
                    Forms.done(redirect, "Din indsigt og den aftalte praksisændring er registreret.");
                    return "/sager/" + caseId + "#moede-" + sessionId;
                });
    }

    @PostMapping("/sager/{caseId}/moeder/{sessionId}/indsigter/{insightId}/opfoelgning")
    String followUp(@PathVariable UUID caseId, @PathVariable UUID sessionId, @PathVariable UUID insightId,
                    @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormInput input = new FormInput(form);
        Boolean adopted = input.yesNo("adopted");
        if (adopted == null) {
            input.error("adopted", "Vælg, om ændringen er indarbejdet.");
        }
        Map<String, Object> followUp = body("professionalId", currentActor.get().id(), "adopted", adopted,
                "adoptedOn", input.date("adoptedOn"), "note", input.text("note"));
        return posts.send(input, "opfoelgning-" + insightId, "/sager/" + caseId, redirect,
                key -> commands.post(path(caseId, "sessions/" + sessionId + "/insights/" + insightId + "/follow-up"),
                        followUp, key),
                answer -> {
                    Forms.done(redirect, "Opfølgningen på praksisændringen er registreret.");
                    return "/sager/" + caseId + "#moede-" + sessionId;
                });
    }

    /** The citizen's progress: a score for each dimension filled in (the form's rows are the organisation's list). */
    @PostMapping("/sager/{caseId}/vurderinger")
    String assess(@PathVariable UUID caseId, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes redirect) {
        FormInput input = new FormInput(form);
        List<Map<String, Object>> scores = new ArrayList<>();
        for (int row = 0; input.text("dimension-" + row) != null; row++) {
            if (input.text("score-" + row) == null) {
                continue;
            }
            Integer score = null;
            try {
                score = Integer.valueOf(input.text("score-" + row));
            } catch (NumberFormatException notANumber) {
                input.error("score-" + row, "Skriv et helt tal fra 1 til 10.");
            }
            input.alias("scores[" + scores.size() + "].score", "score-" + row);
            scores.add(body("dimension", input.text("dimension-" + row), "score", score));
        }
        if (scores.isEmpty()) {
            input.error("score-0", "Giv mindst én dimension en score.");
        }
        Map<String, Object> assessment = body("assessedOn", input.date("assessedOn"), "scores", scores,
                "note", input.text("note"));
        return posts.send(input, "vurdering", "/sager/" + caseId, redirect,
                key -> commands.post(path(caseId, "progress-assessments"), assessment, key),
                answer -> {
                    Forms.done(redirect, "Vurderingen af borgerens udvikling er registreret.");
                    return "/sager/" + caseId + "#udvikling-sektion";
                });
    }

    @PostMapping("/sager/{caseId}/lukning")
    String close(@PathVariable UUID caseId, @RequestParam MultiValueMap<String, String> form,
                 RedirectAttributes redirect) {
        return send(caseId, form, redirect, "lukning", "closure", "Sagen er lukket.", input -> Map.of());
    }

    /** Forgetting a citizen cannot be undone: it is asked for on a page of its own, and confirmed there. */
    @GetMapping("/sager/{caseId}/glem")
    String forgetting(@PathVariable UUID caseId, Model model) {
        CaseView view = cases.caseView(caseId);
        model.addAttribute("kase", view);
        return "glem";
    }

    @PostMapping("/sager/{caseId}/glem")
    String forget(@PathVariable UUID caseId, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes redirect) {
        FormInput input = new FormInput(form);
        if (!"ja".equals(input.text("bekraeft"))) {
            input.error("bekraeft", "Bekræft, at borgerens personoplysninger skal slettes for altid.");
        }
        Map<String, Object> forgetting = body("reason", input.text("reason"));
        String back = "/sager/" + caseId;
        return posts.send(input, "glem", back + "/glem", redirect,
                key -> commands.post(path(caseId, "forget"), forgetting, key),
                answer -> {
                    Forms.done(redirect, "Borgerens personoplysninger er slettet. Forløbet står tilbage uden dem.");
                    return back;
                });
    }

    private String send(UUID caseId, MultiValueMap<String, String> form, RedirectAttributes redirect, String name,
                        String route, String recorded, Function<FormInput, Map<String, ?>> read) {
        return posts.post(form, name, "/sager/" + caseId, path(caseId, route), redirect, recorded, read);
    }

    private static String path(UUID caseId, String route) {
        return "/api/cases/" + caseId + "/" + route;
    }
}
