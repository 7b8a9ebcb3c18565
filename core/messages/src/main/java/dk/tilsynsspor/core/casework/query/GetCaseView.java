package dk.tilsynsspor.core.casework.query;

import dk.tilsynsspor.core.security.Actor;

import java.util.UUID;

public record GetCaseView(
        Actor requester,
        UUID caseId) {
}
