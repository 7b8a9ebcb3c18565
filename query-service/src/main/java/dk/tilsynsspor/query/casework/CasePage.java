package dk.tilsynsspor.query.casework;

import dk.tilsynsspor.core.casework.query.CaseView;
import dk.tilsynsspor.core.casework.query.MyCases;
import dk.tilsynsspor.query.pages.Names;
import dk.tilsynsspor.query.pages.PageController;
import dk.tilsynsspor.query.pages.PageFormats;
import dk.tilsynsspor.query.people.People;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** "Mine sager", a professional's cases, and a citizen case: its team, themes, sessions and insights, and its forms. */
@PageController
class CasePage {

    /** How many closed cases "Mine sager" shows at first. */
    static final int CLOSED_CASES_SHOWN = 10;
    /** How many more closed cases it shows each time the professional asks for more. */
    static final int CLOSED_CASES_MORE = 20;
    /** The most closed cases the page shows at once. */
    static final int CLOSED_CASES_AT_MOST = 1_000;

    private final CaseReads cases;
    private final ProgressDimensions dimensions;
    private final PageFormats formats;
    private final People people;

    CasePage(CaseReads cases, ProgressDimensions dimensions, PageFormats formats, People people) {
        this.cases = cases;
        this.dimensions = dimensions;
        this.formats = formats;
        this.people = people;
    }

    /**
     * The cases whose team the professional is on: the open ones, most recently active first, and the most recently
     * closed ones ({@value #CLOSED_CASES_SHOWN} at first, more when asked for by {@code afsluttede}).
     */
    @GetMapping("/sager")
    String myCases(@RequestParam(name = "afsluttede", required = false) String closedShown, Model model) {
        int shown = formats.parseCount("afsluttede", closedShown, CLOSED_CASES_SHOWN, 1, CLOSED_CASES_AT_MOST);
        MyCases mine = cases.myCases(shown);
        model.addAttribute("cases", mine.open());
        model.addAttribute("closedCases", mine.closed());
        model.addAttribute("moreClosed", mine.moreClosed() && shown < CLOSED_CASES_AT_MOST);
        model.addAttribute("moreClosedShown", Math.min(shown + CLOSED_CASES_MORE, CLOSED_CASES_AT_MOST));
        return "fagperson";
    }

    @GetMapping("/sager/{caseId}")
    String caseView(@PathVariable UUID caseId, Model model) {
        CaseView view = cases.caseView(caseId);
        model.addAttribute("kase", view);
        model.addAttribute("names", Names.of(view.team()).with(people.of(List.of(view.organisationId()), List.of())));
        CaseReads.ServedOrder served = cases.servedOrder(view);
        model.addAttribute("orderReference", served == null ? null : served.reference());
        model.addAttribute("orderClosed", served != null && served.closed());
        model.addAttribute("requirements", cases.requirementTitles(view));
        model.addAttribute("linkable", cases.linkableOrders(view.organisationId()));
        model.addAttribute("dimensions", dimensions.of(view.organisationId()));
        model.addAttribute("professionals", cases.knownProfessionals(view.organisationId()));
        return "sag";
    }

    /** The citizen's progress per dimension over time, as the case page shows it. */
    @GetMapping("/sager/{caseId}/udvikling.png")
    ResponseEntity<byte[]> progressChart(@PathVariable UUID caseId) throws IOException {
        CaseView view = cases.caseView(caseId);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(ProgressChart.render(view.assessments(), 900, 420), "png", png);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(png.toByteArray());
    }
}
