package dk.tilsynsspor.command.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.UUID;

/** The answer to a command: the id of what was created or changed (and an action plan's version). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Accepted(UUID id, Integer version) {

    public static Accepted of(UUID id) {
        return new Accepted(id, null);
    }
}
