package dk.tilsynsspor.command.web;

import java.util.UUID;

/** The command is addressed to an order or case that does not exist. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String kind, UUID id) {
        super("There is no " + kind + " with id " + id + ".");
    }
}
