package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.QualityTheme;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.ActorIds;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.query.pages.Commands;
import dk.tilsynsspor.query.pages.FormInput;
import dk.tilsynsspor.query.pages.FormPosts;
import dk.tilsynsspor.query.pages.Forms;
import dk.tilsynsspor.query.pages.Names;
import dk.tilsynsspor.query.pages.PageController;
import dk.tilsynsspor.query.people.People;
import org.springframework.security.access.AccessDeniedException;
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
    private final OrderReads reads;
    private final KnownOrganisations organisations;
    private final People people;

    OrderForms(Commands commands, FormPosts posts, CurrentActor currentActor, OrderReads reads,
               KnownOrganisations organisations, People people) {
        this.people = people;
        this.reads = reads;
        this.organisations = organisations;
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
        model.addAttribute("organisations", organisations.suggestions());
        return "nyt-paabud";
    }

    /**
     * A new order: by default a notice (partshøring) with the day the organisation's answer is due; or, when the
     * inspector says why none is given, the order itself at once. An organisation nothing knows yet
     * ({@link KnownOrganisations}) is asked about again, and nothing sent, until the inspector ticks that it is new:
     * a misspelt id would give an order no leader sees.
     */
    @PostMapping("/paabud/nyt")
    String impose(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        FormInput input = new FormInput(form);
        boolean notice = !"UDEN_VARSEL".equals(input.text("kind"));
        Map<String, Object> order = body(
                "authorityId", actor.scope(),
                "organisationId", input.text("organisationId"),
                "reference", input.text("reference"),
                "legalBasis", input.text("legalBasis"),
                "issuedOn", input.date("issuedOn"),
                "summary", input.text("summary"),
                "requirements", requirements(input),
                "responseDue", notice ? input.date("responseDue") : null,
                "noticeWaivedReason", notice ? null : input.text("noticeWaivedReason"));
        if (notice && input.text("responseDue") == null) {
            input.error("responseDue", "Skriv den dato, organisationen senest kan svare på varslet.");
        }
        String organisationId = input.text("organisationId");
        if (ActorIds.wellFormed(organisationId) && input.text("newOrganisation") == null && !input.wantsAnotherRow()
                && !organisations.known(organisationId)) {
            input.error("organisationId", "Ingen påbud, kontaktoplysninger eller brugere kender organisationen »"
                    + organisationId + "«. Ret id'et, eller sæt kryds herunder, hvis organisationen er ny.");
            input.error("newOrganisation", "Sæt kryds, hvis påbuddet skal gives til en ny organisation.");
        }
        return posts.send(input, "nyt-paabud", "/paabud/nyt", redirect,
                key -> commands.post(notice ? "/api/orders/notices" : "/api/orders", order, key),
                answer -> {
                    Forms.done(redirect, notice
                            ? "Varslet er givet (partshøring), og organisationen kan nu se og besvare det."
                            : "Påbuddet er givet, og organisationen kan nu se det.");
                    return "/paabud/" + answer.path("id").asText();
                });
    }

    /** The order a notice announced, to impose: the draft requirements as the form's first rows, ids kept. */
    @GetMapping("/paabud/{orderId}/paalaeg")
    String imposition(@PathVariable UUID orderId, Model model) {
        if (currentActor.get().role() != Role.INSPECTOR) {
            throw new AccessDeniedException("inspectors impose orders");
        }
        ComplianceDossier dossier = reads.dossier(orderId, null);
        if (dossier.status() != OrderStatus.NOTICE) {
            return "redirect:/paabud/" + orderId;
        }
        model.addAttribute("dossier", dossier);
        model.addAttribute("drafts", dossier.notice().draftRequirements());
        model.addAttribute("names", new Names(people.of(List.of(dossier.organisationId()), List.of())));
        model.addAttribute("themes", QualityTheme.values());
        model.addAttribute("maxRequirements", MAX_REQUIREMENTS);
        return "nyt-paabud";
    }

    @PostMapping("/paabud/{orderId}/paalaeg")
    String imposeOnNotice(@PathVariable UUID orderId, @RequestParam MultiValueMap<String, String> form,
                          RedirectAttributes redirect) {
        FormInput input = new FormInput(form);
        Map<String, Object> order = body("issuedOn", input.date("issuedOn"), "summary", input.text("summary"),
                "requirements", requirements(input));
        return posts.send(input, "nyt-paabud", "/paabud/" + orderId + "/paalaeg", redirect,
                key -> commands.post("/api/orders/" + orderId + "/imposition", order, key),
                answer -> {
                    Forms.done(redirect, "Påbuddet er givet på grundlag af varslet.");
                    return "/paabud/" + orderId;
                });
    }

    private static List<Map<String, Object>> requirements(FormInput input) {
        return input.rows("requirements", MAX_REQUIREMENTS, row -> body(
                "id", row.text("id"),
                "title", row.text("title"),
                "requiredChange", row.text("requiredChange"),
                "qualityTheme", row.text("qualityTheme"),
                "deadline", row.date("deadline"),
                "requiredEvidence", evidence(row.text("requiredEvidence"))));
    }

    /** The kinds of evidence chosen for a requirement ("DOCUMENT,INSIGHT"), or null for the default. */
    private static List<String> evidence(String chosen) {
        return chosen == null ? null : List.of(chosen.split(","));
    }

    @PostMapping("/paabud/{orderId}/varsel-svar")
    String answerNotice(@PathVariable UUID orderId, @RequestParam MultiValueMap<String, String> form,
                        RedirectAttributes redirect) {
        return send(orderId, form, redirect, "varsel-svar", "notice-response", "Svaret på varslet er sendt til "
                + "tilsynet.", input -> {
            List<Map<String, Object>> remedies = new ArrayList<>();
            form.keySet().stream().filter(field -> field.startsWith("remedy-")).sorted().forEach(field -> {
                String remedy = input.text(field);
                if (remedy != null) {
                    input.alias("remedies[" + remedies.size() + "].remedy", field);
                    remedies.add(body("requirementId", field.substring("remedy-".length()), "remedy", remedy));
                }
            });
            return body("response", input.text("response"), "remedies", remedies);
        });
    }

    @PostMapping("/paabud/{orderId}/varsel-bortfald")
    String letNoticeLapse(@PathVariable UUID orderId, @RequestParam MultiValueMap<String, String> form,
                          RedirectAttributes redirect) {
        return send(orderId, form, redirect, "varsel-bortfald", "notice-lapse", "Varslet er bortfaldet; der gives "
                + "intet påbud.", input -> body("reason", input.text("reason")));
    }

    @PostMapping("/paabud/{orderId}/klage")
    String registerAppeal(@PathVariable UUID orderId, @RequestParam MultiValueMap<String, String> form,
                          RedirectAttributes redirect) {
        return send(orderId, form, redirect, "klage", "appeals", "Klagen til Ankestyrelsen er registreret.",
                input -> body("lodgedOn", input.date("lodgedOn"), "requirementIds", input.list("requirementIds")));
    }

    /** Ankestyrelsen's decision; with AMENDED, the new text of each requirement ticked as amended. */
    @PostMapping("/paabud/{orderId}/klage/{appealId}/afgoerelse")
    String decideAppeal(@PathVariable UUID orderId, @PathVariable UUID appealId,
                        @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return send(orderId, form, redirect, "klageafgoerelse-" + appealId, "appeals/" + appealId + "/decision",
                "Ankestyrelsens afgørelse er registreret.", input -> {
                    String outcome = input.text("outcome");
                    if (outcome == null) {
                        input.error("outcome", "Vælg Ankestyrelsens afgørelse.");
                    }
                    List<Map<String, Object>> amendments = new ArrayList<>();
                    if ("AMENDED".equals(outcome)) {
                        for (String requirementId : input.list("amend")) {
                            String prefix = "amendments[" + amendments.size() + "].";
                            input.alias(prefix + "title", "title-" + requirementId);
                            input.alias(prefix + "requiredChange", "requiredChange-" + requirementId);
                            input.alias(prefix + "deadline", "deadline-" + requirementId);
                            amendments.add(body("requirementId", requirementId,
                                    "title", input.text("title-" + requirementId),
                                    "requiredChange", input.text("requiredChange-" + requirementId),
                                    "deadline", input.date("deadline-" + requirementId)));
                        }
                    }
                    return body("outcome", outcome, "decidedOn", input.date("decidedOn"),
                            "reason", input.text("reason"), "amendments", amendments);
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
                "Opfølgningsrapporten er sendt til tilsynet.", input -> body("summary", input.text("summary"),
                        "requirementIds", input.list("requirementIds")));
    }

    @PostMapping("/paabud/{orderId}/afgoerelse")
    String decide(@PathVariable UUID orderId, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes redirect) {
        return send(orderId, form, redirect, "afgoerelse", "decision", "Afgørelsen er registreret.", input -> {
            String decision = input.text("decision");
            if (decision == null) {
                input.error("decision", "Vælg, om efterlevelsen godkendes eller afvises.");
            }
            List<String> named = input.list("requirementIds");
            if (!"REJECT".equals(decision)) {
                return body("decision", decision, "requirementIds", named);
            }
            if (named.isEmpty()) {
                input.error("requirementIds", "Vælg de krav, der sendes tilbage, og skriv hvorfor ud for hvert.");
            }
            List<Map<String, Object>> rejections = new ArrayList<>();
            for (String requirementId : named) {
                input.alias("rejections[" + rejections.size() + "].reason", "reason-" + requirementId);
                input.alias("rejections[" + rejections.size() + "].requirementId", "requirementIds");
                rejections.add(body("requirementId", requirementId, "reason", input.text("reason-" + requirementId)));
            }
            return body("decision", decision, "rejections", rejections);
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
