package dk.tilsynsspor.command.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;

/**
 * Deletes kept files that no event names: an upload's bytes are kept before its command is sent, so a crash between
 * the two leaves a row behind (ADR 16). A file is named once the command side's lookup knows its document, which
 * happens in the transaction that stores the event; a file older than the grace period without one was never
 * attached. Every instance may sweep; the delete is the same whoever runs it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class UnnamedFiles {

    private static final Logger log = LoggerFactory.getLogger(UnnamedFiles.class);

    private final JdbcTemplate jdbc;
    private final Duration grace;

    UnnamedFiles(JdbcTemplate jdbc, @Value("${tilsynsspor.documents.unnamed-grace:PT1H}") Duration grace) {
        this.jdbc = jdbc;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${tilsynsspor.documents.sweep-interval:PT1H}",
            initialDelayString = "${tilsynsspor.documents.sweep-initial-delay:PT10M}")
    int sweep() {
        int deleted = jdbc.update("""
                DELETE FROM events.evidence_document d
                 WHERE d.stored_at < now() - make_interval(secs => ?)
                   AND NOT EXISTS (SELECT 1 FROM command.document_lookup l WHERE l.document_id = d.document_id)""",
                (double) grace.toSeconds());
        if (deleted > 0) {
            log.info("Deleted {} kept file(s) no event names (older than {}): uploads whose command never completed",
                    deleted, grace);
        }
        return deleted;
    }
}
