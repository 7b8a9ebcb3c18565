package dk.tilsynsspor.query.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tilsynsspor.query.pages.Commands.Outcome;
import dk.tilsynsspor.query.replay.ReadYourWrites;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.function.Function;

/**
 * What every form's submit does: checks what only the page can check, sends the command as the signed-in user,
 * and redirects (post/redirect/get) — back to the form with what was typed and the Danish explanation if it was
 * refused, or to the page that shows what was recorded, once the read model holds it.
 */
@Component
public class FormPosts {

    private final ReadYourWrites readYourWrites;
    private final Commands commands;

    FormPosts(ReadYourWrites readYourWrites, Commands commands) {
        this.readYourWrites = readYourWrites;
        this.commands = commands;
    }

    /**
     * The common case: the form read by {@code read} into one command's body, posted to the API's {@code apiPath};
     * the page to show after is {@code back} either way.
     */
    public String post(MultiValueMap<String, String> form, String name, String back, String apiPath,
                       RedirectAttributes redirect, String recorded, Function<FormInput, Map<String, ?>> read) {
        FormInput input = new FormInput(form);
        Map<String, ?> command = read.apply(input);
        return send(input, name, back, redirect, recorded, key -> commands.post(apiPath, command, key));
    }

    /** One command; the page to show after is {@code back} (with the form's anchor) either way. */
    public String send(FormInput input, String form, String back, RedirectAttributes redirect, String recorded,
                       Function<String, Outcome> command) {
        return send(input, form, back, redirect, command, answer -> {
            Forms.done(redirect, recorded);
            return back;
        });
    }

    /** One command; {@code then} turns its answer into the page to show (and says what was recorded). */
    public String send(FormInput input, String form, String back, RedirectAttributes redirect,
                       Function<String, Outcome> command, Function<JsonNode, String> then) {
        if (input.wantsAnotherRow() || input.hasErrors()) {
            Forms.refused(redirect, form, input.values(), input.hasErrors() ? input.refusal() : null);
            return "redirect:" + back + "#" + form + (input.hasErrors() ? "-afvist" : "");
        }
        Outcome outcome = command.apply(input.idempotencyKey());
        if (outcome instanceof Outcome.Refused refused) {
            Forms.refused(redirect, form, input.values(), input.inFormTerms(refused.refusal()));
            return "redirect:" + back + "#" + form + "-afvist";
        }
        String next = then.apply(((Outcome.Done) outcome).body());
        if (!readYourWrites.awaitProjected()) {
            Forms.done(redirect, "Registreret. Det kan tage et øjeblik, før det ses her; opdatér siden om lidt.");
        }
        return "redirect:" + next;
    }
}
