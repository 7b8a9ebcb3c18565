package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.AuditEntry;
import dk.tilsynsspor.core.order.query.AuditTrail;
import dk.tilsynsspor.core.order.query.TrailVerification;
import dk.tilsynsspor.query.order.export.TrailExports;
import dk.tilsynsspor.query.pages.ListPage;
import dk.tilsynsspor.query.pages.PageController;
import dk.tilsynsspor.query.pages.Names;
import dk.tilsynsspor.query.pages.PageFormats;
import dk.tilsynsspor.query.people.People;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.text.Collator;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/** Revisionsspor: every entry of one order's trail, filterable, with the hash chain's verification and exports. */
@PageController
class TrailPage {

    /** How many of the trail's entries one page shows. */
    static final int ENTRIES_PER_PAGE = 100;

    private final OrderReads reads;
    private final TrailExports exports;
    private final PageFormats formats;
    private final MessageSource labels;
    private final Duration waitingLong;
    private final People people;

    TrailPage(OrderReads reads, TrailExports exports, PageFormats formats, MessageSource labels,
              @Value("${tilsynsspor.chain.waiting-long:1m}") Duration waitingLong, People people) {
        this.people = people;
        this.reads = reads;
        this.exports = exports;
        this.formats = formats;
        this.labels = labels;
        this.waitingLong = waitingLong;
    }

    /**
     * The trail's entries that the filters keep, oldest first, {@value #ENTRIES_PER_PAGE} to a page ({@code side},
     * from 1: an order of ten thousand measurements is a hundred pages, not one page of them all).
     */
    @GetMapping("/paabud/{orderId}/revisionsspor")
    String trail(@PathVariable UUID orderId, @RequestParam(required = false) String asOf,
                 @RequestParam(required = false) String haendelse, @RequestParam(required = false) String aktoer,
                 @RequestParam(required = false) String rolle, @RequestParam(required = false) String side,
                 Model model) {
        Instant instant = formats.parseAsOf(asOf);
        AuditTrail trail = reads.trail(orderId, instant);
        List<AuditEntry> kept = trail.entries().stream()
                .filter(entry -> blank(haendelse) || entry.eventType().equals(haendelse))
                .filter(entry -> blank(aktoer) || entry.actorId().equals(aktoer))
                .filter(entry -> blank(rolle) || entry.actorRole().equals(rolle))
                .toList();
        UriComponentsBuilder address = UriComponentsBuilder.fromPath("/paabud/" + orderId + "/revisionsspor");
        filter(address, "asOf", asOf);
        filter(address, "haendelse", haendelse);
        filter(address, "aktoer", aktoer);
        filter(address, "rolle", rolle);
        ListPage<AuditEntry> page = ListPage.of(kept, side, ENTRIES_PER_PAGE, formats, address);
        model.addAttribute("trail", trail);
        model.addAttribute("liste", page);
        model.addAttribute("entries", page.items());
        TrailVerification verification = reads.keptVerification(orderId).orElse(null);
        model.addAttribute("verification", verification);
        model.addAttribute("waitingSince", verification == null || verification.unlinked() == 0 || instant != null
                ? null : waitingSince(trail, Instant.now().minus(waitingLong)));
        model.addAttribute("asOf", instant);
        model.addAttribute("eventTypes", byLabel(distinct(trail, AuditEntry::eventType), "Event."));
        List<String> actors = distinct(trail, AuditEntry::actorId);
        model.addAttribute("actors", actors);
        model.addAttribute("names", new Names(people.of(List.of(), actors)));
        model.addAttribute("roles", byLabel(distinct(trail, AuditEntry::actorRole), "Role."));
        model.addAttribute("haendelse", haendelse);
        model.addAttribute("aktoer", aktoer);
        model.addAttribute("rolle", rolle);
        return "revisionsspor";
    }

    /** The same files as the API's export, for a browser that is logged in with a session. */
    @GetMapping("/paabud/{orderId}/revisionsspor/eksport")
    ResponseEntity<byte[]> export(@PathVariable UUID orderId, @RequestParam String format,
                                  @RequestParam(required = false) String asOf) throws IOException {
        // the pages' CSV is for a spreadsheet program set up for Danish: its cells separated by semicolons
        return exports.export(orderId, TrailExports.Format.parse(format), TrailExports.CsvSeparator.SEMICOLON,
                formats.parseAsOf(asOf));
    }

    /**
     * When the oldest of the trail's events not yet sealed into the chain was recorded, if that was before
     * {@code longAgo}; else null. Sealing takes moments (ADR 28): an event that waits longer is held back (an open
     * transaction, sealing failing; command-service's health says which), and the page says so instead of "in a
     * moment". Against the real time, as the events were recorded: not the clock a demonstration shifts by days
     * ({@code tilsynsspor.deadlines.clock-offset}), which would make every event just stored look long waiting.
     */
    static Instant waitingSince(AuditTrail trail, Instant longAgo) {
        return trail.entries().stream().filter(entry -> entry.hash() == null).map(AuditEntry::recordedAt)
                .min(Comparator.naturalOrder()).filter(oldest -> oldest.isBefore(longAgo)).orElse(null);
    }

    /** The filter in the address of the trail's other pages, unless it is not set. */
    private static void filter(UriComponentsBuilder address, String name, String value) {
        if (!blank(value)) {
            address.queryParam(name, value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static List<String> distinct(AuditTrail trail, Function<AuditEntry, String> field) {
        return List.copyOf(new TreeSet<>(trail.entries().stream().map(field).toList()));
    }

    /**
     * The codes in the order of the Danish labels a filter shows for them ("Borgersag oprettet" before "Handleplan
     * indsendt"; Æ, Ø and Å last), not of the codes themselves, which read as no order at all once translated.
     */
    List<String> byLabel(List<String> codes, String prefix) {
        Collator danish = Collator.getInstance(PageFormats.DANISH);
        Function<String, String> label = code -> labels.getMessage(prefix + code, null, code, PageFormats.DANISH);
        return codes.stream().sorted(Comparator.comparing(label, danish)).toList();
    }
}
