package dk.tilsynsspor.query.document;

import dk.tilsynsspor.core.order.query.DocumentCheck.Outcome;
import dk.tilsynsspor.query.document.DocumentService.FileCheck;
import dk.tilsynsspor.query.pages.Commands;
import dk.tilsynsspor.query.pages.FormInput;
import dk.tilsynsspor.query.pages.FormPosts;
import dk.tilsynsspor.query.pages.Forms;
import dk.tilsynsspor.query.pages.PageController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The pages' evidence documents: upload forms on the dossier (a leader, per requirement) and the case page (the
 * team), withdrawal, download with a session, and a form that checks a file in hand against its event. A page
 * controller: a download that is refused, or asked for by an address that is no document's, is the pages' error
 * page, not the API's JSON.
 */
@PageController
class DocumentPages {

    /** Where a form may send the user back to: the dossier or the case page it was on. */
    private static final Pattern BACK = Pattern.compile("/(paabud|sager)/[0-9a-f-]{36}");

    private final DocumentService documents;
    private final FormPosts posts;
    private final Commands commands;

    DocumentPages(DocumentService documents, FormPosts posts, Commands commands) {
        this.documents = documents;
        this.posts = posts;
        this.commands = commands;
    }

    /** The same file as the API's download, for a browser logged in with a session. */
    @GetMapping("/dokumenter/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID documentId) {
        return documents.download(documentId);
    }

    @PostMapping(path = "/paabud/{orderId}/krav/{requirementId}/dokumenter",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String attachToRequirement(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                               @RequestParam MultiValueMap<String, String> form,
                               @RequestPart(value = "file", required = false) MultipartFile file,
                               RedirectAttributes redirect) {
        return upload(form, file, "dokument-" + requirementId, "/paabud/" + orderId,
                "/api/orders/" + orderId + "/requirements/" + requirementId + "/documents", redirect, null);
    }

    @PostMapping(path = "/sager/{caseId}/dokumenter", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String attachToCase(@PathVariable UUID caseId, @RequestParam MultiValueMap<String, String> form,
                        @RequestPart(value = "file", required = false) MultipartFile file,
                        RedirectAttributes redirect) {
        return upload(form, file, "dokument", "/sager/" + caseId, "/api/cases/" + caseId + "/documents", redirect,
                "requirementId");
    }

    @PostMapping("/dokumenter/{documentId}/tilbagetraekning")
    String withdraw(@PathVariable UUID documentId, @RequestParam MultiValueMap<String, String> form,
                    RedirectAttributes redirect) {
        return posts.post(form, "tilbagetraek-" + documentId, back(form), "/api/documents/" + documentId
                + "/withdrawal", redirect, "Dokumentet er trukket tilbage.", input -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("reason", input.text("reason"));
                    return body;
                });
    }

    /** Checks a file in hand against the event that attached the document; says the outcome on the page. */
    @PostMapping(path = "/dokumenter/{documentId}/kontrol", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String check(@PathVariable UUID documentId, @RequestParam MultiValueMap<String, String> form,
                 @RequestPart(value = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        String back = back(form);
        if (file == null || file.isEmpty()) {
            Forms.refused(redirect, "kontrol-" + documentId, new LinkedMultiValueMap<>(),
                    Commands.Refusal.invalidFields(Map.of("file", "Vælg den fil, der skal kontrolleres.")));
            return "redirect:" + back + "#kontrol-" + documentId + "-afvist";
        }
        FileCheck check = documents.check(documentId, file);
        String kept = check.kept().outcome() == Outcome.INTACT ? " Den gemte fil er uændret."
                : check.kept().outcome() == Outcome.ERASED ? " Den gemte fil er slettet sammen med borgerens data."
                : " Advarsel: den gemte fil svarer ikke længere til hændelsen (" + check.kept().outcome() + ").";
        Forms.done(redirect, (check.matches()
                ? "Filen er den, sporet angiver: SHA-256 " + check.fileSha256() + "."
                : "Filen er IKKE den, sporet angiver: dens SHA-256 er " + check.fileSha256() + ", hændelsens "
                        + check.expectedSha256() + ".") + kept);
        return "redirect:" + back + "#dokument-" + documentId;
    }

    private String upload(MultiValueMap<String, String> form, MultipartFile file, String name, String back,
                          String apiPath, RedirectAttributes redirect, String extraField) {
        FormInput input = new FormInput(form);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", input.text("title"));
        LocalDate effectiveOn = input.date("effectiveOn"); // a date that cannot be read is marked by FormInput
        fields.put("effectiveOn", effectiveOn == null ? null : effectiveOn.toString());
        if (input.text("title") == null) {
            input.error("title", "Skriv dokumentets titel.");
        }
        if (input.text("effectiveOn") == null) {
            input.error("effectiveOn", "Vælg den dato, dokumentet gælder fra.");
        }
        if (extraField != null) {
            fields.put(extraField, input.text(extraField));
            if (input.text(extraField) == null) {
                input.error(extraField, "Vælg det krav, dokumentet er dokumentation for.");
            }
        }
        if (file == null || file.isEmpty()) {
            input.error("file", "Vælg filen.");
        }
        return posts.send(input, name, back, redirect, "Dokumentet er vedhæftet.",
                key -> commands.upload(apiPath, fields, file, key));
    }

    private static String back(MultiValueMap<String, String> form) {
        String back = form.getFirst("tilbage");
        return back != null && BACK.matcher(back).matches() ? back : "/";
    }
}
