package dk.tilsynsspor.command.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.UUID;

/** Where a created resource can be read: every read is served by query-service. */
@Component
public class Locations {

    private final String queryServiceUrl;

    Locations(@Value("${tilsynsspor.query-service-url}") String queryServiceUrl) {
        this.queryServiceUrl = queryServiceUrl;
    }

    public URI dossier(UUID orderId) {
        return UriComponentsBuilder.fromUriString(queryServiceUrl)
                .path("/api/orders/{id}/dossier").buildAndExpand(orderId).toUri();
    }

    public URI caseView(UUID caseId) {
        return UriComponentsBuilder.fromUriString(queryServiceUrl)
                .path("/api/cases/{id}").buildAndExpand(caseId).toUri();
    }
}
