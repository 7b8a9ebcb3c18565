package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.QualityTheme;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.query.pages.Commands;
import dk.tilsynsspor.query.pages.FormInput;
import dk.tilsynsspor.query.pages.FormPosts;
import dk.tilsynsspor.query.pages.Forms;
import dk.tilsynsspor.query.pages.PageController;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;

import static dk.tilsynsspor.query.pages.FormInput.body;

/**
 * The order's forms: the inspector imposes (any number of requirements, a row added without JavaScript), decides a
 * report, escalates, closes, publishes the order and takes publications down; the leader acknowledges, reports and opens the citizen cases that serve the order.
 * Each sends the API's command as the signed-in user (command-service decides), then shows the dossier.
 */
@PageController
class OrderForms {

    static final int MAX_REQUIREMENTS = 50;

    private final Commands commands;
    private final FormPosts posts;
    private final CurrentActor currentActor;

    OrderForms(Commands commands, FormPosts posts, CurrentActor currentActor) {
        this.commands = commands;
        this.posts = posts;
        this.currentActor = currentActor;
    }

    @GetMapping("/paabud/nyt")
    String newOrder(Model model) {
        Actor actor = currentActor.get();
        if (actor.role() != Role.INSPECTOR) {
            throw new AccessDeniedException("inspectors impose orders");
        }
        model.addAttribute("themes", QualityTheme.values());
        model.addAttribute("maxRequirements", MAX_REQUIREMENTS);
        return "nyt-paabud";
    }

    @PostMapping("/paabud/nyt")
    String impose(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        FormInput input = new FormInput(form);
        Map<String, Object> order = body(
                "authorityId", actor.scope(),
                "organisationId", input.text("organisationId"),
                "reference", input.text("reference"),
                "legalBasis", input.text("legalBasis"),
                "issuedOn", input.date("issuedOn"),
                "summary", input.text("summary"),
                "requirements", input.rows("requirements", MAX_REQUIREMENTS, row -> body(
                        "title", row.text("title"),
                        "requiredChange", row.text("requiredChange"),
                        "qualityTheme", row.text("qualityTheme"),
                        "deadline", row.date("deadline"))));
        return posts.send(input, "nyt-paabud", "/paabud/nyt", redirect,
                key -> commands.post("/api/orders", order, key),
                answer -> {
                    Forms.done(redirect, "Påbuddet er givet, og organisationen kan nu se det.");
                    return "/paabud/" + answer.path("id").asText();
                });
    }

    @PostMapping("/paabud/{orderId}/kvittering")
    String acknowledge(@PathVariable UUID orderId, @RequestParam MultiValueMap<String, String> form,
                       RedirectAttributes redirect) {
        return send(orderId, form, redirect, "kvittering", "acknowledgement", "Påbuddet er kvitteret.",
                input -> Map.of());
    }

    @PostMapping("/paabud/{orderId}/rapport")
    String report(@PathVariable UUID orderId, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes redirect) {
        return send(orderId, form, redirect, "rapport", "compliance-report",
                "Opfølgningsrapporten er sendt til tilsynet.", input -> body("summary", input.text("summary")));
    }

    @PostMapping("/paabud/{orderId}/afgoerelse")
    String decide(@PathVariable UUID orderId, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes redirect) {
        return send(orderId, form, redirect, "afgoerelse", "decision", "Afgørelsen er registreret.", input -> {
            String decision = input.text("decision");
            if (decision == null) {
                input.error("decision", "Vælg, om efterlevelsen godkendes eller afvises.");
            }
            return "REJECT".equals(decision)
                    ? body("decision", decision, "reason", input.text("reason"),
                    "requirementIds", input.list("requirementIds"))
                    : body("decision", decision);
        });
    }

    @PostMapping("/paabud/{orderId}/skaerpet-tilsyn")
    String escalate(@PathVariable UUID orderId, @RequestParam MultiValueMap<String, String> form,
                    RedirectAttributes redirect) {
        return send(orderId, form, redirect, "skaerpet-tilsyn", "escalation", "Påbuddet er under skærpet tilsyn.",
                input -> body("reason", input.text("reason"), "until", input.date("until"),
                        "requirementIds", input.list("requirementIds")));
    }

    @PostMapping("/paabud/{orderId}/skaerpet-tilsyn/forlaengelse")
    String extendEscalation(@PathVariable UUID orderId, @RequestParam MultiValueMap<String, String> form,
                            RedirectAttributes redirect) {
        return send(orderId, form, redirect, "skaerpet-forlaengelse", "escalation/extension",
                "Det skærpede tilsyn er forlænget.",
                input -> body("until", input.date("until"), "reason", input.text("reason")));
    }

    @PostMapping("/paabud/{orderId}/skaerpet-tilsyn/ophaevelse")
    String endEscalation(@PathVariable UUID orderId, @RequestParam MultiValueMap<String, String> form,
                         RedirectAttributes redirect) {
        return send(orderId, form, redirect, "skaerpet-ophaevelse", "escalation/end",
                "Det skærpede tilsyn er ophævet.", input -> body("reason", input.text("reason")));
    }

    @PostMapping("/paabud/{orderId}/afslutning")
    String close(@PathVariable UUID orderId, @RequestParam MultiValueMap<String, String> form,
                 RedirectAttributes redirect) {
        return send(orderId, form, redirect, "afslutning", "closure", "Påbuddet er afsluttet.", input -> {
            if (input.text("outcome") == null) {
                input.error("outcome", "Vælg påbuddets udfald.");
            }
            return body("outcome", input.text("outcome"), "reason", input.text("reason"));
        });
    }

    @PostMapping("/paabud/{orderId}/offentliggoerelser")
    String publish(@PathVariable UUID orderId, @RequestParam MultiValueMap<String, String> form,
                   RedirectAttributes redirect) {
        return send(orderId, form, redirect, "offentliggoerelse", "publications", "Offentliggørelsen er registreret.",
                input -> {
                    String place = input.text("place");
                    if ("ANDET".equals(place)) {
                        place = input.text("otherPlace");
                        if (place == null) {
                            input.error("otherPlace", "Skriv, hvor påbuddet er offentliggjort.");
                        }
                    }
                    return body("place", place, "url", input.text("url"));
                });
    }

    @PostMapping("/paabud/{orderId}/offentliggoerelser/{publicationId}/nedtagning")
    String unpublish(@PathVariable UUID orderId, @PathVariable UUID publicationId,
                     @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return send(orderId, form, redirect, "nedtagning-" + publicationId, "publications/" + publicationId
                + "/withdrawal", "Offentliggørelsen er taget ned.", input -> body("reason", input.text("reason")));
    }

    @PostMapping("/paabud/{orderId}/sager")
    String openCase(@PathVariable UUID orderId, @RequestParam MultiValueMap<String, String> form,
                    RedirectAttributes redirect) {
        FormInput input = new FormInput(form);
        Map<String, Object> opening = body(
                "organisationId", currentActor.get().scope(),
                "citizenRef", input.text("citizenRef"),
                "orderId", orderId,
                "requirementIds", input.list("requirementIds"));
        return posts.send(input, "ny-sag", "/paabud/" + orderId, redirect,
                key -> commands.post("/api/cases", opening, key),
                answer -> {
                    Forms.done(redirect, "Borgersagen er oprettet. Sæt teamet af fagpersoner herunder.");
                    return "/sager/" + answer.path("id").asText();
                });
    }

    private String send(UUID orderId, MultiValueMap<String, String> form, RedirectAttributes redirect, String name,
                        String route, String recorded, java.util.function.Function<FormInput, Map<String, ?>> read) {
        return posts.post(form, name, "/paabud/" + orderId, "/api/orders/" + orderId + "/" + route, redirect,
                recorded, read);
    }
}
