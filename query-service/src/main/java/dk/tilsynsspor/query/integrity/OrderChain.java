package dk.tilsynsspor.query.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tilsynsspor.core.order.EvidenceDocumentAttached;
import dk.tilsynsspor.core.order.query.DocumentCheck;
import dk.tilsynsspor.core.order.query.TrailVerification;
import dk.tilsynsspor.query.document.DocumentFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Recomputes an order's hash chain from the rows of the event store and the links sealed over them, with the formula of
 * command-service's migrations {@code V3__order_hash_chain.sql} and {@code V11__chain_sealed_after_commit.sql} (ADR 8,
 * ADR 28), link by link in the chain's order. Also counts the order's events not sealed yet: stored moments ago, they
 * are linked by command-service's sealer shortly. An event of the order without a link that the sealer has come past
 * breaks the chain (its link was deleted, or it was written where no sealer looks). Reads the event store, never a read
 * model: a read model could only repeat what it was told. With Axon Server the rows are the chain's mirror, and each
 * linked row must also be Axon Server's own event ({@link EngineCopies}; ADR 19).
 */
@Component
public class OrderChain {

    private static final HexFormat HEX = HexFormat.of();
    private static final int FETCH_SIZE = 1_000;

    private static final String DOCUMENT_ATTACHED = EvidenceDocumentAttached.class.getName();

    private final JdbcTemplate jdbc;
    private final DocumentFiles files;
    private final ObjectMapper mapper;
    private final EngineCopies copies;

    OrderChain(DataSource dataSource, DocumentFiles files, ObjectMapper mapper, EngineCopies copies) {
        this.files = files;
        this.mapper = mapper;
        this.copies = copies;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE); // streams a long chain instead of loading it whole
    }

    /**
     * The outcome, or null when the event store holds neither a chain nor an event for this order. The head, the links
     * and the events waiting are read by one statement, so as of one moment (a statement's snapshot, in any isolation),
     * whatever the sealer commits meanwhile: the query bus runs each query handler in a read-committed transaction,
     * where three statements were three snapshots, and a sealing committed between them made a head behind its links,
     * or an event counted neither linked nor waiting. One statement needs no transaction of its own either, which
     * would take a second pooled connection while the query bus's holds the first. Transactional only so that a long
     * chain streams (the driver fetches by cursor only inside a transaction); joins the caller's.
     */
    @Transactional(readOnly = true)
    public TrailVerification verify(UUID orderId) {
        Heading heading = new Heading();
        try (EngineCopies.Comparison comparison = copies.comparison()) {
            Walk walk = new Walk(orderId, mapper, comparison);
            read(orderId, heading, walk);
            return outcome(orderId, heading, walk);
        }
    }

    private void read(UUID orderId, Heading heading, Walk walk) {
        // every row carries the head and the counts of events without a link beside one link (or none, when the
        // order has no link): the order's events without a link wait for the sealer if it has not come past them yet;
        // else they are outside the chain (their link deleted, or written where the sealer never looks), which the
        // chain cannot vouch for. A link whose event is gone, or names another order now, comes with an empty event
        // and breaks the walk there.
        jdbc.query("""
                WITH head AS (SELECT position, hash FROM events.order_chain WHERE order_id = ?),
                     unlinked AS (
                         SELECT count(*) FILTER (WHERE d.appendTx IS NOT NULL
                                                   AND (d.appendTx, d.globalIndex) > (s.append_tx, s.global_index))
                                    AS waiting,
                                count(*) AS unlinked
                           FROM events.domain_event_entry d CROSS JOIN events.chain_sealed s
                          WHERE d.chainOrderId = ?
                            AND NOT EXISTS (SELECT 1 FROM events.chain_link k WHERE k.global_index = d.globalIndex))
                SELECT h.position AS headPosition, h.hash AS headHash, u.waiting, u.unlinked,
                       k.position AS chainPosition, k.hash AS chainHash, d.globalIndex, d.eventIdentifier,
                       d.aggregateIdentifier, d.sequenceNumber, d.type, d.payloadType, d.payloadRevision,
                       d.timeStamp, d.payload, d.metaData
                  FROM unlinked u
                  LEFT JOIN head h ON true
                  LEFT JOIN events.chain_link k ON k.order_id = ?
                  LEFT JOIN events.domain_event_entry d
                         ON d.globalIndex = k.global_index AND d.chainOrderId = k.order_id
                 ORDER BY k.position""",
                row -> {
                    heading.read(row);
                    if (row.getObject("chainPosition") != null) {
                        walk.next(row);
                    }
                }, orderId, orderId, orderId);
    }

    private TrailVerification outcome(UUID orderId, Heading heading, Walk walk) {
        long headPosition = heading.position;
        byte[] headHash = heading.hash;
        long waiting = heading.waiting;
        boolean outside = heading.unlinked > waiting;
        if (!heading.present && walk.position == 0 && !outside && waiting == 0) {
            return null;
        }
        Long broken = walk.firstBroken;
        if (broken == null && (walk.position != headPosition || !Arrays.equals(walk.previous, headHash))) {
            broken = walk.position + 1; // the chain's last links are gone
        }
        if (broken == null && outside) {
            broken = walk.position + 1; // an event of the order that the chain does not hold
        }
        List<DocumentCheck> documents = walk.documents.stream()
                .map(named -> files.check(named.documentId(), named.caseId(), named.sha256())).toList();
        boolean filesIntact = documents.stream().noneMatch(DocumentCheck::tampered);
        return new TrailVerification(orderId, broken == null && filesIntact, headPosition, broken,
                HEX.formatHex(headHash), documents, waiting);
    }

    /** The hash of one link, exactly as {@code events.chain_link_hash} computes it. */
    static byte[] linkHash(byte[] previous, UUID orderId, long position, ResultSet row) throws SQLException {
        String header = String.join("\n", orderId.toString(), Long.toString(position),
                Long.toString(row.getLong("globalIndex")), row.getString("eventIdentifier"),
                row.getString("aggregateIdentifier"), Long.toString(row.getLong("sequenceNumber")),
                nullToEmpty(row.getString("type")), row.getString("payloadType"),
                nullToEmpty(row.getString("payloadRevision")), row.getString("timeStamp"));
        byte[] metaData = row.getBytes("metaData");
        MessageDigest digest = sha256();
        digest.update(previous);
        digest.update(sha256().digest(header.getBytes(UTF_8)));
        digest.update(sha256().digest(row.getBytes("payload")));
        digest.update(sha256().digest(metaData == null ? new byte[0] : metaData));
        return digest.digest();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The head and the counts of events without a link, as the statement's first row carries them. */
    private static final class Heading {

        private boolean read;
        private boolean present;
        private long position;
        private byte[] hash = new byte[0];
        private long waiting;
        private long unlinked;

        void read(ResultSet row) throws SQLException {
            if (read) {
                return;
            }
            read = true;
            waiting = row.getLong("waiting");
            unlinked = row.getLong("unlinked");
            byte[] headHash = row.getBytes("headHash");
            if (headHash != null) {
                present = true;
                position = row.getLong("headPosition");
                hash = headHash;
            }
        }
    }

    /** A document as the event attaching it names it. */
    private record NamedDocument(UUID documentId, UUID caseId, String sha256) {
    }

    /**
     * Walks the stored links in storage order; the first link that is changed, missing or out of place breaks. Notes
     * the documents the events attach, with the hash each event carries (the chain vouches for it).
     */
    private static final class Walk {

        private final UUID orderId;
        private final ObjectMapper mapper;
        private final EngineCopies.Comparison copies;
        private long position;
        private byte[] previous = new byte[0];
        private Long firstBroken;
        private final List<NamedDocument> documents = new ArrayList<>();

        Walk(UUID orderId, ObjectMapper mapper, EngineCopies.Comparison copies) {
            this.orderId = orderId;
            this.mapper = mapper;
            this.copies = copies;
        }

        private void noteDocument(ResultSet row) throws SQLException {
            if (!DOCUMENT_ATTACHED.equals(row.getString("payloadType"))) {
                return;
            }
            try {
                JsonNode payload = mapper.readTree(row.getBytes("payload"));
                String caseId = payload.path("caseId").textValue();
                documents.add(new NamedDocument(UUID.fromString(payload.path("documentId").asText()),
                        caseId == null ? null : UUID.fromString(caseId), payload.path("sha256").asText()));
            } catch (IOException | IllegalArgumentException unreadable) {
                // a payload changed beyond reading breaks the chain at this link already
            }
        }

        void next(ResultSet row) throws SQLException {
            if (firstBroken != null) {
                return;
            }
            long expected = position + 1;
            long stored = row.getLong("chainPosition");
            byte[] storedHash = row.getBytes("chainHash");
            if (stored != expected || row.getString("eventIdentifier") == null
                    || !Arrays.equals(linkHash(previous, orderId, stored, row), storedHash) || !copies.matches(row)) {
                firstBroken = expected;
                return;
            }
            position = expected;
            previous = storedHash;
            noteDocument(row);
        }
    }
}
