package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.OrderDeadlines;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.order.query.OrderSummary;
import dk.tilsynsspor.core.order.query.RequirementDossier;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.query.order.export.QualityChart;
import dk.tilsynsspor.query.order.export.SpreadsheetCsv;
import dk.tilsynsspor.query.order.export.TrailExports;
import dk.tilsynsspor.query.overview.OverviewReads;
import dk.tilsynsspor.query.pages.ListPage;
import dk.tilsynsspor.query.pages.Names;
import dk.tilsynsspor.query.pages.PageController;
import dk.tilsynsspor.query.pages.PageFormats;
import dk.tilsynsspor.query.people.People;
import dk.tilsynsspor.query.web.InvalidParameterException;
import dk.tilsynsspor.query.web.NotFoundException;
import javax.imageio.ImageIO;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/** Påbud: the caller's orders, and one order's dossier as it stands now or stood at a chosen instant. */
@PageController
class OrderPages {

    /** How many orders one page of the list shows. */
    static final int ORDERS_PER_PAGE = 50;
    /** The list as a file for a spreadsheet. */
    static final String FILE = "/paabud/liste.csv";

    private final OrderReads reads;
    private final CurrentActor currentActor;
    private final PageFormats formats;
    private final People people;
    private final MessageSource messages;
    private final Clock clock;

    OrderPages(OrderReads reads, CurrentActor currentActor, PageFormats formats, People people,
               MessageSource messages, Clock clock) {
        this.reads = reads;
        this.currentActor = currentActor;
        this.formats = formats;
        this.people = people;
        this.messages = messages;
        this.clock = clock;
    }

    /** Leaders land on their overview, inspectors on their orders; professionals open the cases they are on. */
    @GetMapping("/")
    String home() {
        Actor actor = currentActor.get();
        return switch (actor.role()) {
            case LEADER -> "redirect:/overblik";
            case INSPECTOR -> "redirect:/paabud";
            case PROFESSIONAL -> "redirect:/sager";
        };
    }

    /**
     * The caller's orders, newest first, {@value #ORDERS_PER_PAGE} to a page ({@code side}, from 1): each unsettled
     * order on the page is folded for its deadlines, so a page costs the same however many orders an authority has
     * given over the years. The list may be narrowed to a status, to one organisation (chosen among those of the
     * caller's orders) and to the orders whose reference contains a text ({@code soeg}, letters' case aside); each
     * page's address keeps them.
     */
    @GetMapping("/paabud")
    String orders(@RequestParam(required = false) String status, @RequestParam(required = false) String organisation,
                  @RequestParam(required = false) String soeg, @RequestParam(required = false) String side,
                  Model model) {
        Narrowed list = narrowed(status, organisation, soeg);
        ListPage<OrderSummary> page = ListPage.of(list.matching(), side, ORDERS_PER_PAGE, formats,
                list.address("/paabud"));
        List<OrderSummary> orders = page.items();
        model.addAttribute("liste", page);
        model.addAttribute("orders", orders);
        model.addAttribute("deadlines", deadlines(orders));
        model.addAttribute("status", list.status());
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("organisations", list.organisations());
        model.addAttribute("organisation", list.organisation());
        model.addAttribute("soeg", list.search());
        model.addAttribute("searchAtMost", PageFormats.SEARCH_AT_MOST);
        model.addAttribute("narrowed", list.narrowed());
        model.addAttribute("dueSoonDays", OverviewReads.DUE_SOON_DAYS);
        model.addAttribute("fil", list.address(FILE).toUriString());
        return "paabud";
    }

    /**
     * The list as the page narrows it (the same parameters), every order of it rather than a page, as a CSV file a
     * spreadsheet program set up for Danish opens with a double click (cells separated by semicolons): one row per
     * order with the page's columns, its dates written year-month-day, its deadlines counted as of today.
     */
    @GetMapping(FILE)
    ResponseEntity<byte[]> ordersFile(@RequestParam(required = false) String status,
                                      @RequestParam(required = false) String organisation,
                                      @RequestParam(required = false) String soeg) {
        List<OrderSummary> orders = narrowed(status, organisation, soeg).matching();
        byte[] file = listFile(orders, deadlines(orders),
                order -> messages.getMessage("OrderStatus." + order, null, PageFormats.DANISH));
        return TrailExports.file(file, SpreadsheetCsv.TEXT_CSV, "paabud-" + LocalDate.now(clock) + ".csv");
    }

    /** The orders as rows of the list's file, their deadlines counted as given, their status as {@code named}. */
    static byte[] listFile(List<OrderSummary> orders, Map<UUID, OrderDeadlines.Count> deadlines,
                           Function<OrderStatus, String> named) {
        List<Map<String, Object>> rows = orders.stream().map(order -> {
            OrderDeadlines.Count count = deadlines.get(order.orderId());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("Reference", SpreadsheetCsv.cell(order.reference()));
            row.put("Organisation", SpreadsheetCsv.cell(order.organisationId()));
            row.put("Tilsyn", SpreadsheetCsv.cell(order.authorityId()));
            row.put("Udstedt", order.issuedOn().toString());
            row.put("Status", named.apply(order.status()));
            row.put("Skærpet tilsyn", order.escalated() ? "ja" : "nej");
            row.put("Krav over fristen", count.overdue());
            row.put("Krav med frist snart", count.dueSoon());
            return row;
        }).toList();
        return SpreadsheetCsv.write(List.of("Reference", "Organisation", "Tilsyn", "Udstedt", "Status",
                "Skærpet tilsyn", "Krav over fristen", "Krav med frist snart"), rows,
                TrailExports.CsvSeparator.SEMICOLON.character());
    }

    /**
     * The caller's orders narrowed to a status, to one organisation (chosen among those of the caller's orders) and
     * to the orders whose reference contains a text, each parameter read as the page reads it.
     */
    private Narrowed narrowed(String status, String organisation, String soeg) {
        if (currentActor.get().role() == Role.PROFESSIONAL) {
            throw new AccessDeniedException("professionals read cases");
        }
        OrderStatus filter = parseStatus(status);
        String chosen = formats.parseOrganisation(organisation);
        String search = formats.parseSearch("soeg", soeg);
        List<OrderSummary> all = reads.orders(null, filter).orders();
        SortedSet<String> organisations = new TreeSet<>();
        all.forEach(order -> organisations.add(order.organisationId()));
        if (chosen != null) {
            organisations.add(chosen); // chosen, it stays in the list when none of its orders has the status
        }
        return new Narrowed(filter, chosen, search, organisations, matching(all, chosen, search));
    }

    /** The orders as narrowed, and the organisations of all the caller's orders of that status to choose among. */
    private record Narrowed(OrderStatus status, String organisation, String search, SortedSet<String> organisations,
                            List<OrderSummary> matching) {

        boolean narrowed() {
            return status != null || organisation != null || search != null;
        }

        /** The address of {@code path} narrowed likewise. */
        UriComponentsBuilder address(String path) {
            UriComponentsBuilder address = UriComponentsBuilder.fromPath(path);
            if (status != null) {
                address.queryParam("status", status.name());
            }
            if (organisation != null) {
                address.queryParam("organisation", organisation);
            }
            if (search != null) {
                address.queryParam("soeg", search);
            }
            return address;
        }
    }

    /** How the deadlines of each order stand today (an ended order has none left: none counted). */
    private Map<UUID, OrderDeadlines.Count> deadlines(List<OrderSummary> orders) {
        Map<UUID, OrderDeadlines.Count> counted = reads.deadlines(orders.stream().map(OrderSummary::orderId).toList());
        Map<UUID, OrderDeadlines.Count> deadlines = new LinkedHashMap<>();
        for (OrderSummary order : orders) {
            deadlines.put(order.orderId(), counted.getOrDefault(order.orderId(),
                    new OrderDeadlines.Count(order.orderId(), 0, 0)));
        }
        return deadlines;
    }

    /**
     * The orders of {@code organisation} (null: any) whose reference contains {@code search} (null: any), the case of
     * letters aside as Danish writes them; in the order given.
     */
    static List<OrderSummary> matching(List<OrderSummary> orders, String organisation, String search) {
        String wanted = search == null ? null : search.toLowerCase(PageFormats.DANISH);
        return orders.stream()
                .filter(order -> organisation == null || organisation.equals(order.organisationId()))
                .filter(order -> wanted == null || order.reference().toLowerCase(PageFormats.DANISH).contains(wanted))
                .toList();
    }

    @GetMapping("/paabud/{orderId}")
    String dossier(@PathVariable UUID orderId, @RequestParam(required = false) String asOf, Model model) {
        Instant instant = formats.parseAsOf(asOf);
        ComplianceDossier dossier = reads.dossier(orderId, instant);
        model.addAttribute("dossier", dossier);
        model.addAttribute("names", Names.of(dossier).with(people.of(
                List.of(dossier.authorityId(), dossier.organisationId()), List.of())));
        model.addAttribute("numbers", dossier.requirements().stream().collect(java.util.stream.Collectors.toMap(
                RequirementDossier::requirementId, RequirementDossier::number)));
        model.addAttribute("asOf", instant);
        model.addAttribute("dueSoonDays", OverviewReads.DUE_SOON_DAYS);
        model.addAttribute("maxMilestones", RequirementForms.MAX_MILESTONES);
        model.addAttribute("maxMeasurements", RequirementForms.MAX_MEASUREMENT_ROWS);
        return "dossier";
    }

    /** The quality goal's measurements against baseline and target, as the dossier page shows it. */
    @GetMapping("/paabud/{orderId}/krav/{requirementId}/maal.png")
    ResponseEntity<byte[]> chart(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                                 @RequestParam(required = false) String asOf) throws IOException {
        ComplianceDossier dossier = reads.dossier(orderId, formats.parseAsOf(asOf));
        RequirementDossier requirement = dossier.requirements().stream()
                .filter(candidate -> candidate.requirementId().equals(requirementId) && candidate.qualityGoal() != null)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("no quality goal for requirement " + requirementId));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(QualityChart.render(requirement.qualityGoal(), 800, 360), "png", png);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(png.toByteArray());
    }

    private static OrderStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(OrderStatus.values()).filter(value -> value.name().equalsIgnoreCase(status)).findFirst()
                .orElseThrow(() -> new InvalidParameterException("status", "Status \"" + status
                        + "\" findes ikke."));
    }
}
