package dk.tilsynsspor.query.casework;

import dk.tilsynsspor.core.casework.query.CaseView;
import dk.tilsynsspor.query.pages.Names;
import dk.tilsynsspor.query.pages.PageController;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;

/** "Mine sager", a professional's cases, and a citizen case: its team, themes, sessions and insights, and its forms. */
@PageController
class CasePage {

    private final CaseReads cases;
    private final ProgressDimensions dimensions;

    CasePage(CaseReads cases, ProgressDimensions dimensions) {
        this.cases = cases;
        this.dimensions = dimensions;
    }

    /** The cases whose team the professional is on, most recently active first. */
    @GetMapping("/sager")
    String myCases(Model model) {
        model.addAttribute("cases", cases.myCases());
        return "fagperson";
    }

    @GetMapping("/sager/{caseId}")
    String caseView(@PathVariable UUID caseId, Model model) {
        CaseView view = cases.caseView(caseId);
        model.addAttribute("kase", view);
        model.addAttribute("names", Names.of(view.team()));
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
