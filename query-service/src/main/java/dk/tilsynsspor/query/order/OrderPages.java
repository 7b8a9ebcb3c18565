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
import dk.tilsynsspor.query.overview.OverviewReads;
import dk.tilsynsspor.query.pages.ListPage;
import dk.tilsynsspor.query.pages.Names;
import dk.tilsynsspor.query.pages.PageController;
import dk.tilsynsspor.query.pages.PageFormats;
import dk.tilsynsspor.query.people.People;
import dk.tilsynsspor.query.web.InvalidParameterException;
import dk.tilsynsspor.query.web.NotFoundException;
import javax.imageio.ImageIO;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/** Påbud: the caller's orders, and one order's dossier as it stands now or stood at a chosen instant. */
@PageController
class OrderPages {

    /** How many orders one page of the list shows. */
    static final int ORDERS_PER_PAGE = 50;

    private final OrderReads reads;
    private final CurrentActor currentActor;
    private final PageFormats formats;
    private final People people;

    OrderPages(OrderReads reads, CurrentActor currentActor, PageFormats formats, People people) {
        this.reads = reads;
        this.currentActor = currentActor;
        this.formats = formats;
        this.people = people;
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
        if (currentActor.get().role() == Role.PROFESSIONAL) {
            throw new AccessDeniedException("professionals read cases");
        }
        OrderStatus filter = parseStatus(status);
        String chosen = formats.parseOrganisation(organisation);
        String search = formats.parseSearch("soeg", soeg);
        UriComponentsBuilder address = UriComponentsBuilder.fromPath("/paabud");
        if (filter != null) {
            address.queryParam("status", filter.name());
        }
        if (chosen != null) {
            address.queryParam("organisation", chosen);
        }
        if (search != null) {
            address.queryParam("soeg", search);
        }
        List<OrderSummary> all = reads.orders(null, filter).orders();
        SortedSet<String> organisations = new TreeSet<>();
        all.forEach(order -> organisations.add(order.organisationId()));
        if (chosen != null) {
            organisations.add(chosen); // chosen, it stays in the list when none of its orders has the status
        }
        ListPage<OrderSummary> page = ListPage.of(matching(all, chosen, search), side, ORDERS_PER_PAGE, formats,
                address);
        List<OrderSummary> orders = page.items();
        model.addAttribute("liste", page);
        Map<UUID, OrderDeadlines.Count> counted = reads.deadlines(orders.stream().map(OrderSummary::orderId).toList());
        Map<UUID, OrderDeadlines.Count> deadlines = new LinkedHashMap<>();
        for (OrderSummary order : orders) { // an ended order has no deadline left: none counted
            deadlines.put(order.orderId(), counted.getOrDefault(order.orderId(),
                    new OrderDeadlines.Count(order.orderId(), 0, 0)));
        }
        model.addAttribute("orders", orders);
        model.addAttribute("deadlines", deadlines);
        model.addAttribute("status", filter);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("organisations", organisations);
        model.addAttribute("organisation", chosen);
        model.addAttribute("soeg", search);
        model.addAttribute("searchAtMost", PageFormats.SEARCH_AT_MOST);
        model.addAttribute("narrowed", filter != null || chosen != null || search != null);
        model.addAttribute("dueSoonDays", OverviewReads.DUE_SOON_DAYS);
        return "paabud";
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
