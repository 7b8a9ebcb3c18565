package dk.tilsynsspor.query.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The public worked example of the domain specification done through the pages only, in a real browser, by each
 * role in turn — no API call in between: the inspector imposes (a second requirement added without JavaScript),
 * the leader acknowledges, plans, sets quality goals, opens the case and builds its team, the professionals choose a
 * theme, record the session and their insights, the leader records measurements as a table, verifies with the
 * evidence picked by its text and reports, the inspector finds the report in the work queue, accepts and closes.
 * Along the way: refused forms show the rule's Danish text with what was typed kept, a double submit records once,
 * a professional sees only the cases they are on, another organisation's leader is refused everywhere. Every page
 * is screenshotted and checked by axe-core (Browser).
 */
@ExtendWith(EndToEnd.class)
class WorkedExampleInPagesBrowserIT {

    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    @RegisterExtension
    static final Browser browser = new Browser();

    @BeforeEach
    void onTheDemoUsers(EndToEnd.Stack stack) {
        assumeTrue(stack.tokens == null, "the pages log in with the demo users' form: the embedded pass only");
    }

    @Test
    void theWorkedExampleThroughThePagesOnly(EndToEnd.Stack stack) throws Exception {
        String base = stack.queryService.baseUrl();
        String reference = "ST-SIDER-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(DANISH);

        // The inspector imposes the order: two requirements, the second row added by the server, not by script.
        browser.get(base + "/");
        browser.logIn("inspector");
        browser.find(By.id("nyt-paabud-link")).click();
        browser.awaitNavigation(url -> url.endsWith("/paabud/nyt"));
        assertThat(browser.suggestions("kendte-organisationer").keySet()).as("the organisations suggested")
                .contains("kk-handicap", "aarhus-psykiatri");
        browser.type("nyt-paabud-organisationId", "kk-handikap"); // misspelt: no order, contact or user knows it
        browser.type("nyt-paabud-reference", reference);
        browser.type("nyt-paabud-summary", "Påbud efter tilsynsbesøg på bosted i handicapområdet");
        requirement(0, "Pædagogisk metode", "Dokumentér den pædagogiske metode og følg den op i handleplaner",
                "Målgruppe, metoder og resultater", today.minusDays(1));
        // part 5: the first requirement needs a document (the pedagogical background description) as evidence
        new Select(browser.find(By.id("nyt-paabud-requirements[0].requiredEvidence")))
                .selectByVisibleText("Et dokument, en indsigt og en måling");
        browser.find(By.id("tilfoej-krav")).click();
        browser.awaitNavigation(url -> url.endsWith("#nyt-paabud"));
        assertThat(browser.findAll(By.cssSelector("fieldset[id^='krav-raekke-']"))).hasSize(2);
        assertThat(value("nyt-paabud-requirements[0].title")).as("what was typed is kept").isEqualTo(
                "Pædagogisk metode");
        requirement(1, "Low arousal", "Medarbejderne bruger low arousal; magtanvendelser falder", "Kompetencer",
                today.plusMonths(6));
        browser.screenshot("10-nyt-paabud");
        browser.find(By.id("giv-paabud")).click();
        browser.awaitNavigation(url -> url.contains("-afvist"));
        assertThat(browser.text(By.id("nyt-paabud-organisationId-fejl"))).as("asked before anything is sent")
                .contains("kender organisationen »kk-handikap«");
        assertThat(browser.findAll(By.id("nyt-paabud-newOrganisation"))).as("the box that confirms a new one")
                .hasSize(1);
        assertThat(value("nyt-paabud-requirements[1].title")).isEqualTo("Low arousal");
        browser.screenshot("10b-nyt-paabud-ukendt-organisation");
        browser.type("nyt-paabud-organisationId", "kk-handicap");
        browser.find(By.id("giv-paabud")).click();
        browser.awaitNavigation(url -> url.contains("-afvist")
                && browser.findAll(By.id("nyt-paabud-organisationId-fejl")).isEmpty());
        assertThat(browser.text(By.id("nyt-paabud-afvist"))).contains("Fristen ligger før påbuddet",
                "Et kravs frist kan ikke ligge før påbuddets udstedelsesdato");
        assertThat(browser.text(By.id("nyt-paabud-requirements[0].deadline-fejl"))).as("the field it is about")
                .isEqualTo("Fristen ligger før påbuddet.");
        assertThat(value("nyt-paabud-reference")).isEqualTo(reference);
        assertThat(value("nyt-paabud-requirements[1].title")).isEqualTo("Low arousal");
        browser.screenshot("11-nyt-paabud-afvist");
        date("nyt-paabud-requirements[0].deadline", today.plusMonths(3));
        browser.find(By.id("giv-paabud")).click();
        browser.awaitNavigation(url -> url.matches(".*/paabud/[0-9a-f-]{36}$"));
        String dossier = browser.url();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Påbud " + reference);
        assertThat(browser.text(By.id("registreret"))).contains("Varslet er givet");
        assertThat(browser.text(By.id("ordre-status"))).isEqualTo("Varsel (partshøring)");
        assertThat(browser.findAll(By.id("kvitter"))).as("a notice is not yet an order to acknowledge").isEmpty();
        assertThat(browser.findAll(By.id("giv-paabuddet"))).as("not before an answer or the answer's deadline")
                .isEmpty();
        assertThat(browser.text(By.id("giv-paabuddet-senere"))).contains("når organisationen har svaret, eller fra");
        browser.logOut();

        // The leader answers the notice (partshøring), saying how the first requirement will be put right.
        browser.logIn("leader");
        String overview = dossier.replaceAll("/paabud/.*$", "/overblik");
        browser.get(overview);
        assertThat(awaitingLeader(reference)).as("the overview opens with what waits for the organisation")
                .containsExactly("Svar på varslet (partshøring)");
        browser.get(dossier);
        browser.open("varsel-svar");
        browser.type("varsel-svar-response", "Vi er enige og retter op; magtanvendelserne registreres allerede");
        List<String> remedyFields = browser.findAll(By.cssSelector("#varsel-svar textarea[id^='varsel-svar-remedy-']"))
                .stream().map(element -> element.getAttribute("id")).toList();
        assertThat(remedyFields).hasSize(2);
        browser.type(remedyFields.get(0), "Ny pædagogisk baggrundsbeskrivelse inden for en måned");
        browser.screenshot("11b-varsel-svar");
        submit("varsel-svar");
        awaitDone("Svaret på varslet er sendt til tilsynet.");
        assertThat(browser.source()).contains("Ny pædagogisk baggrundsbeskrivelse inden for en måned");
        browser.logOut();

        // The inspector imposes the order on the notice, the second requirement reworded.
        browser.logIn("inspector");
        browser.get(dossier);
        browser.find(By.id("giv-paabuddet")).click();
        browser.awaitNavigation(url -> url.endsWith("/paalaeg"));
        assertThat(value("nyt-paabud-requirements[0].title")).as("the drafts are the form's rows")
                .isEqualTo("Pædagogisk metode");
        assertThat(browser.text(By.id("svaret-gaeldende"))).as("the answer beside the decision it informs")
                .contains("Vi er enige og retter op; magtanvendelserne registreres allerede", "Svar 1");
        assertThat(browser.text(By.id("forslag-0"))).as("each requirement's remedy under it")
                .contains("Ny pædagogisk baggrundsbeskrivelse inden for en måned");
        assertThat(browser.findAll(By.id("forslag-1"))).as("none proposed for the second").isEmpty();
        browser.type("nyt-paabud-requirements[1].title", "Low arousal og magtanvendelse");
        browser.screenshot("11c-giv-paabuddet");
        browser.find(By.id("giv-paabud")).click();
        browser.awaitNavigation(url -> url.matches(".*/paabud/[0-9a-f-]{36}$"));
        assertThat(browser.text(By.id("registreret"))).contains("Påbuddet er givet");
        assertThat(browser.text(By.id("ordre-status"))).isEqualTo("Givet");
        assertThat(browser.source()).contains("Low arousal og magtanvendelse");
        List<String> requirements = browser.findAll(By.cssSelector("details[id^='frist-']")).stream()
                .map(element -> element.getAttribute("id").substring("frist-".length())).toList();
        assertThat(requirements).hasSize(2);
        String method = requirements.get(0);
        String restraint = requirements.get(1);
        browser.screenshot("12-dossier-givet");

        // the inspector extends a deadline and puts the order under skærpet tilsyn
        browser.open("frist-" + restraint);
        date("frist-" + restraint + "-newDeadline", today.plusMonths(7));
        browser.type("frist-" + restraint + "-reason", "Kursus udskudt af underviseren");
        submit("frist-" + restraint);
        awaitDone("Fristen er forlænget.");
        assertThat(browser.source()).contains("Kursus udskudt af underviseren");
        browser.open("skaerpet-tilsyn");
        browser.type("skaerpet-tilsyn-reason", "Gentagne magtanvendelser");
        date("skaerpet-tilsyn-until", today.plusMonths(6));
        submit("skaerpet-tilsyn");
        awaitDone("Påbuddet er under skærpet tilsyn.");
        assertThat(browser.source()).contains("Skærpet tilsyn", "Gentagne magtanvendelser");
        browser.logOut();

        // The leader acknowledges, plans both requirements, sets their quality goals, opens the case, builds the team.
        browser.logIn("leader");
        browser.get(overview);
        assertThat(awaitingLeader(reference)).containsExactly("Kvittér for påbuddet");
        browser.get(dossier);
        browser.find(By.id("kvitter")).click();
        awaitDone("Påbuddet er kvitteret.");
        assertThat(browser.text(By.id("ordre-status"))).isEqualTo("Kvitteret");
        for (String requirement : requirements) {
            String form = "handleplan-" + requirement;
            browser.open(form);
            browser.type(form + "-plannedChanges",
                    "Pædagogiske baggrundsbeskrivelser og handleplaner; low arousal-kursus");
            browser.type(form + "-responsibleLeader", "Lene Leder");
            browser.type(form + "-milestones[0].description", "Alle medarbejdere på kursus");
            date(form + "-milestones[0].dueOn", today.plusDays(15));
            submit(form);
            awaitDone("Handleplanen er indsendt.");
        }
        goal(restraint, "Magtanvendelser pr. måned", "magtanvendelser", "6", "2", "LOWER_IS_BETTER");
        goal(method, "Handleplaner, der følger metoden", "%", "20", "90", "HIGHER_IS_BETTER");
        browser.screenshot("13-dossier-planlagt");

        browser.open("ny-sag");
        browser.type("ny-sag-citizenRef", "borger-0417");
        for (WebElement box : browser.find(By.id("ny-sag")).findElements(By.name("requirementIds"))) {
            box.click();
        }
        submit("ny-sag");
        browser.awaitNavigation(url -> url.contains("/sager/"));
        String kase = browser.url().replaceAll("#.*$", "");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Borgersag borger-0417");
        // the psychologist is of regional psychiatry, another organisation (second round, part 4)
        for (List<String> member : List.of(List.of("paedagog", "Pia Pædagog", "pædagog", "bosted", ""),
                List.of("socialraadgiver", "Sune Socialrådgiver", "socialrådgiver", "bosted", ""),
                List.of("psykolog-region", "Pernille Psykolog", "psykolog", "regionspsykiatri",
                        "region-h-psykiatri"))) {
            browser.open("team-form");
            browser.type("team-professionalId", member.get(0));
            browser.type("team-name", member.get(1));
            browser.type("team-discipline", member.get(2));
            browser.type("team-sector", member.get(3));
            browser.type("team-role", "kontaktperson");
            browser.type("team-homeOrganisationId", member.get(4));
            submit("team");
            awaitDone("Fagpersonen er sat på teamet.");
        }
        assertThat(browser.findAll(By.cssSelector("section[aria-labelledby='teamet'] tbody tr"))).hasSize(3);
        assertThat(browser.suggestions("kendte-fagpersoner"))
                .as("the team form suggests whom the organisation put on a team, as entered, and the demo users")
                .containsEntry("paedagog", "Pia Pædagog · pædagog")
                .containsEntry("psykolog-region", "Pernille Psykolog · psykolog · region-h-psykiatri")
                .containsEntry("psykolog", "kk-handicap");
        browser.screenshot("14-sag-team");
        assertThat(browser.find(By.id("luk-sagen-knap")).isDisplayed())
                .as("closing a case for good takes a second, deliberate step").isFalse();
        browser.open("luk-sagen");
        assertThat(browser.find(By.id("luk-sagen-knap")).isDisplayed()).isTrue();
        browser.logOut();

        // A professional who is not on the team sees no case, and not this one.
        browser.logIn("ergoterapeut");
        assertThat(browser.findAll(By.id("ingen-sager"))).hasSize(1);
        browser.get(kase);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Siden findes ikke");
        browser.logOut();

        // The pædagog chooses a theme, records the learning session right after it, and her insight.
        browser.logIn("paedagog");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Mine sager");
        browser.find(By.xpath("//table[@id='mine-sager']//a[contains(@href, '" + kase.substring(kase
                .lastIndexOf('/') + 1) + "')]")).click();
        browser.awaitNavigation(url -> url.equals(kase));
        browser.open("tema-form");
        browser.type("tema-theme", "At læse optrapning tidligt");
        new Select(browser.find(By.id("tema-requirementId")))
                .selectByVisibleText("Krav 2: Low arousal og magtanvendelse");
        submit("tema");
        awaitDone("Udviklingstemaet er valgt.");
        // the session form is open for a professional on a case without sessions, everyone and every requirement
        // ticked, held today: only the facilitator to type
        browser.type("moede-facilitator", "Lene Leder");
        browser.screenshot("15-sag-moede");
        submit("moede");
        awaitDone("Læringsmødet er registreret.");
        String session = browser.url().replaceAll("^.*#moede-", "");
        insight(session, "Krav 2: Low arousal og magtanvendelse", "Uro opstår ved aftensmaden",
                "Skærmet spiseplads og faste rutiner ved aftensmaden");
        browser.screenshot("16-sag-indsigt");
        browser.logOut();

        browser.logIn("psykolog-region");
        assertThat(browser.find(By.id("mine-sager")).getText()).as("what waits for her")
                .contains("borger-0417", "Indsigt og praksisændring registreret", "Pia Pædagog",
                        "Din indsigt fra 1 møde");
        assertThat(browser.withinAPhonesWidth(By.cssSelector("#mine-sager a.badge")))
                .as("what waits for her is on a phone's screen, not out of sight to the right").isTrue();
        browser.screenshot("16b-mine-sager-venter");
        browser.get(kase);
        insight(session, "Krav 1: Pædagogisk metode", "Metoden var ikke beskrevet i handleplanerne",
                "Hver handleplan henviser til den pædagogiske baggrundsbeskrivelse");
        // the citizen's progress, scored on two of the organisation's dimensions, charted on the case page
        browser.open("vurdering");
        browser.type("vurdering-score-0", "4");
        browser.type("vurdering-score-4", "6");
        browser.type("vurdering-note", "Mere ro om aftenen");
        submit("vurdering");
        awaitDone("Vurderingen af borgerens udvikling er registreret.");
        assertThat(browser.text(By.id("vurderinger"))).contains("Fysisk sundhed: 4", "Bolig: 6");
        assertThat(browser.findAll(By.cssSelector("img.chart[src$='udvikling.png']"))).hasSize(1);
        browser.screenshot("16a-sag-udvikling");
        // taken to the next learning session on paper: the case as it stands, without the forms or the menu
        browser.assertPrintable("16d-sag-udskrevet");
        browser.logOut();

        // Her own organisation's leader sees the part she takes in the unit's case, and nothing of the case itself.
        browser.logIn("leader-region");
        browser.get(stack.queryService.baseUrl() + "/overblik");
        assertThat(browser.text(By.id("andre-sager-tabel"))).contains("Pernille Psykolog", "kk-handicap");
        List<String> cells = browser.findAll(By.cssSelector("#andre-sager-tabel tbody td")).stream()
                .map(WebElement::getText).toList();
        assertThat(cells).as("her cases, sessions and insights there, and her latest session").hasSize(6);
        assertThat(cells.subList(0, 5)).containsExactly("Pernille Psykolog", "kk-handicap", "1", "1", "1");
        assertThat(cells.get(5)).contains(String.valueOf(today.getYear()));
        assertThat(browser.text(By.tagName("main"))).doesNotContain("borger-0417");
        browser.screenshot("16c-overblik-anden-organisation");
        browser.logOut();

        // The leader records the measurements as a table, verifies with the evidence picked by its text, reports.
        browser.logIn("leader");
        browser.get(dossier);
        String table = "maalinger-" + restraint;
        browser.open(table);
        browser.find(By.id(table)).findElement(By.xpath(".//button[@name='flere']")).click();
        browser.awaitNavigation(url -> url.endsWith("#" + table));
        int[] monthly = {6, 5, 3, 2};
        for (int i = 0; i < monthly.length; i++) {
            browser.type(table + "-measurements[" + i + "].value", String.valueOf(monthly[i]));
            date(table + "-measurements[" + i + "].measuredOn", today.minusMonths(3 - i));
            browser.type(table + "-measurements[" + i + "].source", "magtanvendelsesregistrering");
        }
        browser.screenshot("17-maalinger");
        submit(table);
        awaitDone("4 målinger er registreret.");
        assertThat(measurementRows(restraint)).isEqualTo(4);

        // a double submit of the same form (its key made when it was shown) records one measurement
        String methodTable = "maalinger-" + method;
        browser.open(methodTable);
        browser.type(methodTable + "-measurements[0].value", "95");
        date(methodTable + "-measurements[0].measuredOn", today);
        browser.type(methodTable + "-measurements[0].source", "journalaudit");
        browser.js("const f = document.querySelector('#" + methodTable + " form');"
                + " const send = () => fetch(f.action, {method: 'POST', body: new FormData(f)});"
                + " return Promise.all([send(), send()]).then(() => true);");
        browser.get(dossier);
        assertThat(measurementRows(method)).as("the same form sent twice").isEqualTo(1);

        // verifying without evidence is refused with the rule's Danish text, and what was typed stays
        String verification = "verifikation-" + restraint;
        browser.open(verification);
        browser.find(By.id(verification)).findElement(By.cssSelector("input[name=goalMet][value=true]")).click();
        browser.type(verification + "-conclusion", "Magtanvendelser faldet fra 6 til 2 om måneden");
        submit(verification);
        browser.awaitNavigation(url -> url.endsWith("#" + verification + "-afvist"));
        assertThat(browser.text(By.id(verification + "-afvist"))).contains("Dokumentation mangler",
                "En verificering skal henvise til mindst én af hver slags dokumentation, kravet kræver");
        assertThat(value(verification + "-conclusion")).isEqualTo("Magtanvendelser faldet fra 6 til 2 om måneden");
        browser.screenshot("18-verifikation-afvist");
        pick(verification, "Uro opstår ved aftensmaden");
        for (WebElement box : browser.find(By.id(verification)).findElements(By.name("measurementIds"))) {
            box.click();
        }
        submit(verification);
        awaitDone("Verificeringen er registreret.");

        // the leader attaches the pedagogical background description, and checks a copy against the trail
        java.nio.file.Path pdf = java.nio.file.Files.write(java.nio.file.Files.createTempFile("baggrund", ".pdf"),
                EvidenceDocumentsIT.PDF);
        String upload = "dokument-" + method;
        browser.open(upload);
        browser.type(upload + "-title", "Pædagogisk baggrundsbeskrivelse");
        date(upload + "-effectiveOn", today);
        browser.find(By.id(upload + "-file")).sendKeys(pdf.toString());
        submit(upload);
        awaitDone("Dokumentet er vedhæftet.");
        assertThat(browser.source()).contains(EvidenceDocumentsIT.sha256(EvidenceDocumentsIT.PDF));
        String check = browser.findAll(By.cssSelector("details[id^='kontrol-']")).get(0).getAttribute("id");
        browser.open(check);
        browser.find(By.id(check + "-file")).sendKeys(pdf.toString());
        submit(check);
        awaitDone("Filen er den, sporet angiver");
        browser.screenshot("18b-dokument-kontrolleret");

        String methodVerification = "verifikation-" + method;
        browser.open(methodVerification);
        browser.find(By.id(methodVerification)).findElement(By.cssSelector("input[name=goalMet][value=true]"))
                .click();
        browser.type(methodVerification + "-conclusion", "95 % af handleplanerne følger metoden");
        pick(methodVerification, "Metoden var ikke beskrevet i handleplanerne");
        pick(methodVerification, "journalaudit");
        pick(methodVerification, "Pædagogisk baggrundsbeskrivelse");
        submit(methodVerification);
        awaitDone("Verificeringen er registreret.");
        assertThat(browser.findAll(By.cssSelector(".krav-status")).stream().map(WebElement::getText))
                .containsExactly("Verificeret", "Verificeret");
        browser.open("rapport");
        browser.type("rapport-summary", "Begge krav er fulgt op og verificeret");
        submit("rapport");
        awaitDone("Opfølgningsrapporten er sendt til tilsynet.");
        assertThat(browser.text(By.id("ordre-status"))).isEqualTo("Afventer tilsynets afgørelse");
        browser.logOut();

        // Another organisation's leader: the order and the case do not exist for them, forms included.
        browser.logIn("leader2");
        for (String page : List.of(dossier, dossier + "/revisionsspor", kase, kase + "/glem")) {
            browser.get(page);
            assertThat(browser.text(By.tagName("h1"))).as(page).isEqualTo("Siden findes ikke");
            assertThat(browser.source()).doesNotContain(reference);
        }
        browser.logOut();

        // The inspector finds the report in the work queue, accepts it and closes the order.
        browser.logIn("inspector");
        browser.find(By.linkText("Arbejdsliste")).click();
        browser.awaitNavigation(url -> url.endsWith("/arbejdsliste"));
        String queue = browser.url();
        assertThat(browser.find(By.id("skaerpet-tilsyn-liste")).getText()).contains(reference,
                "Gentagne magtanvendelser", "Til og med");
        assertThat(browser.findAll(By.cssSelector("#handleplaner-tabel tbody tr")).stream().map(WebElement::getText)
                .filter(row -> row.contains(reference)).toList()).as("both plans wait for the authority's review")
                .hasSize(2).anySatisfy(row -> assertThat(row).contains("Krav 2: Low arousal og magtanvendelse",
                        "Version 1"));
        browser.screenshot("19-arbejdsliste");
        // the follow-up's dialogue: the inspector reviews the restraint plan, from the queue, and comments on it
        String review = "vurdering-" + restraint + "-1";
        browser.find(By.cssSelector("#handleplaner-tabel a[href$='#" + review + "']")).click();
        browser.awaitNavigation(url -> url.endsWith("#" + review));
        browser.find(By.cssSelector("#" + review + " input[name=verdict][value=APPROVED]")).click();
        submit(review);
        awaitDone("Vurderingen af handleplanen er registreret.");
        browser.open("kommentar-" + restraint);
        browser.type("kommentar-" + restraint + "-text", "Flot arbejde med aftensmaden");
        submit("kommentar-" + restraint);
        awaitDone("Kommentaren er tilføjet.");
        assertThat(browser.source()).contains("Godkendt af tilsynet", "Flot arbejde med aftensmaden");
        browser.get(queue);
        assertThat(browser.text(By.id("handleplaner-tabel"))).as("a reviewed plan leaves the queue")
                .doesNotContain("Low arousal");
        browser.find(By.xpath("//table[@id='venter-afgoerelse']//a[text()='" + reference + "']")).click();
        browser.awaitNavigation(url -> url.contains("#afgoerelse"));
        browser.get(dossier + "#afgoerelse");
        browser.find(By.cssSelector("#afgoerelse input[name=decision][value=ACCEPT]")).click();
        browser.screenshot("20-afgoerelse");
        browser.find(By.id("afgoer")).click();
        awaitDone("Afgørelsen er registreret.");
        assertThat(browser.text(By.id("ordre-status"))).isEqualTo("Alle krav godkendt");
        browser.open("afslutning");
        browser.find(By.cssSelector("#afslutning input[name=outcome][value=COMPLIED]")).click();
        browser.type("afslutning-reason", "Påbuddet er efterkommet");
        browser.find(By.id("afslut")).click();
        awaitDone("Påbuddet er afsluttet.");
        assertThat(browser.text(By.id("ordre-status"))).isEqualTo("Afsluttet");
        assertThat(browser.text(By.id("udfald"))).isEqualTo("Påbuddet er afsluttet: Efterlevet");
        assertThat(browser.findAll(By.cssSelector("main form[method=post]:not(.kontrol)")))
                .as("a closed order takes no more (checking a file against the trail records nothing)")
                .isEmpty();
        browser.screenshot("21-dossier-afsluttet");
        browser.assertPrintable("21b-dossier-udskrevet");
        browser.find(By.id("til-revisionsspor")).click();
        browser.awaitNavigation(url -> url.contains("/revisionsspor"));
        assertThat(browser.text(By.id("verifikation"))).contains("Revisionssporet er ubrudt");
        assertThat(browser.source()).contains("Påbud givet", "Påbud kvitteret", "Læringsmøde holdt",
                "Forbedring verificeret", "Efterlevelse godkendt", "Påbud afsluttet");
        browser.screenshot("22-revisionsspor");
        browser.assertPrintable("22d-revisionsspor-udskrevet");
        browser.get(kase);
        assertThat(browser.text(By.tagName("main"))).as("the case goes on after its order, which it no longer serves")
                .contains("Sagen tjente påbud " + reference + ", der er afsluttet; sagen fortsætter som løbende "
                        + "faglig udvikling.");
        assertThat(browser.text(By.id("krav"))).isEqualTo("Krav, sagen tjente");
        browser.logOut();
        browser.logIn("paedagog");
        assertThat(browser.find(By.xpath("//table[@id='mine-sager']//tr[td/a[contains(@href, '"
                + kase.substring(kase.lastIndexOf('/') + 1) + "')]]/td[@data-label='Påbud']")).getText())
                .as("her list says the order is closed").isEqualTo(reference + " afsluttet");
        WorkedExample.expect(200, stack.commands.post("leader", "/api/cases/"
                + kase.substring(kase.lastIndexOf('/') + 1) + "/closure", java.util.Map.of()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
            browser.get(kase);
            assertThat(browser.text(By.tagName("main"))).as("a closed case does not go on")
                    .contains("Lukket sag i kk-handicap. Sagen tjente påbud " + reference + ", der er afsluttet.");
        });
        browser.logOut();
    }

    /**
     * Professional development that goes on (part 4): a leader opens a case without an order on the overview, the
     * case page says it serves none, and the leader links it to a requirement of an open order there.
     */
    @Test
    void aCaseWithoutAnOrderIsOpenedAndLinkedInThePages(EndToEnd.Stack stack) throws Exception {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-LOEBENDE-SIDER");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> stack.queries
                .get("leader", example.order("/dossier")).status() == 200);
        browser.get(stack.queryService.baseUrl() + "/overblik");
        browser.logIn("leader");
        browser.get(stack.queryService.baseUrl() + "/overblik");
        browser.open("ny-sag");
        browser.type("ny-sag-citizenRef", "borger-loebende");
        submit("ny-sag");
        awaitDone("Borgersagen er oprettet.");
        assertThat(browser.text(By.id("uden-paabud"))).contains("Sagen tjener intet påbud");
        String kase = browser.url().replaceAll("[?#].*$", "");
        browser.get(stack.queryService.baseUrl() + "/overblik");
        assertThat(browser.source()).contains("borger-loebende");
        browser.get(kase);
        browser.open("tilknyt");
        browser.find(By.id("tilknyt")).findElement(By.xpath(".//fieldset[contains(., 'ST-LOEBENDE-SIDER')]"
                + "//label[contains(., 'Low arousal')]/input")).click();
        submit("tilknyt");
        awaitDone("Sagen er knyttet til kravene");
        assertThat(browser.findAll(By.id("uden-paabud"))).isEmpty();
        assertThat(browser.text(By.id("krav"))).isEqualTo("Krav, sagen tjener");
        assertThat(browser.source()).contains("Krav 2: Low arousal", "Sagen tjener påbud");
        assertThat(browser.find(By.cssSelector("a#paabuddet")).getText()).isEqualTo("ST-LOEBENDE-SIDER");
        browser.screenshot("25-sag-knyttet-til-krav");
        browser.logOut();
    }

    /** An appeal to Ankestyrelsen through the pages: the leader registers it, the inspector records an amendment. */
    @Test
    void anAppealIsRegisteredAndDecidedInThePages(EndToEnd.Stack stack) throws Exception {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-KLAGE-SIDER");
        String dossier = stack.queryService.baseUrl() + "/paabud/" + example.orderId;
        LocalDate today = LocalDate.now(DANISH);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> stack.queries
                .get("leader", example.order("/dossier")).status() == 200);

        browser.get(dossier);
        browser.logIn("leader");
        // the order's imposition reached the leader as a notification, unread until marked
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
            browser.get(stack.queryService.baseUrl() + "/notifikationer");
            assertThat(browser.text(By.id("notifikationer"))).contains("Påbud ST-KLAGE-SIDER er givet");
        });
        assertThat(browser.text(By.id("notifikationer-link"))).contains("ulæste");
        browser.screenshot("22b-notifikationer");
        browser.find(By.xpath("//li[contains(., 'ST-KLAGE-SIDER')]//button[text()='Markér som læst']")).click();
        awaitDone("Markeret som læst.");
        assertThat(browser.findAll(By.xpath("//li[contains(., 'ST-KLAGE-SIDER') and contains(@class, 'ulaest')]")))
                .isEmpty();
        // the inspector's comment reaches the leader too: everything unread marked read at once
        WorkedExample.expect(201, stack.commands.post("inspector", example.requirement(example.restraintRequirement,
                "/comments"), Map.of("text", "Husk at medsende referaterne")));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
            browser.get(stack.queryService.baseUrl() + "/notifikationer");
            assertThat(browser.findAll(By.cssSelector("#notifikationer li.ulaest"))).isNotEmpty();
        });
        assertThat(browser.text(By.cssSelector("#alle-laest button"))).startsWith("Markér ").endsWith("som læst");
        browser.screenshot("22c-notifikationer-alle-ulaeste");
        browser.find(By.cssSelector("#alle-laest button")).click();
        awaitDone("markeret som læst.");
        assertThat(browser.findAll(By.cssSelector("#notifikationer li.ulaest"))).isEmpty();
        assertThat(browser.findAll(By.id("alle-laest"))).as("nothing unread: nothing to mark").isEmpty();
        assertThat(browser.text(By.id("notifikationer-link"))).doesNotContain("ulæste");
        browser.get(dossier);
        browser.open("klage");
        date("klage-lodgedOn", today);
        browser.find(By.cssSelector("#klage input[name=requirementIds][value='" + example.restraintRequirement
                + "']")).click();
        submit("klage");
        awaitDone("Klagen til Ankestyrelsen er registreret.");
        assertThat(browser.text(By.id("klager"))).contains("Klage indgivet", "krav 2");
        assertThat(browser.findAll(By.cssSelector("#klage input[name=requirementIds]")))
                .as("a requirement an open appeal holds is not offered to another appeal")
                .extracting(box -> box.getAttribute("value")).containsExactly(example.methodRequirement);
        browser.logOut();

        browser.logIn("inspector");
        browser.get(dossier);
        String form = browser.find(By.cssSelector("details[id^='klageafgoerelse-']")).getAttribute("id");
        browser.open(form);
        browser.find(By.cssSelector("#" + form + " input[name=outcome][value=AMENDED]")).click();
        date(form + "-decidedOn", today);
        browser.type(form + "-reason", "Kravet var for bredt formuleret");
        browser.find(By.cssSelector("#" + form + " input[name=amend]")).click();
        browser.type(form + "-title-" + example.restraintRequirement, "Low arousal om aftenen");
        date(form + "-deadline-" + example.restraintRequirement, today.plusMonths(9));
        browser.screenshot("23-klageafgoerelse");
        submit(form);
        awaitDone("Ankestyrelsens afgørelse er registreret.");
        assertThat(browser.text(By.id("klager"))).contains("Påbuddet ændret", "Kravet var for bredt formuleret");
        assertThat(browser.source()).contains("Krav 2: Low arousal om aftenen", "Ændret efter klage");
        browser.screenshot("24-dossier-efter-klage");
        browser.logOut();
    }

    private static void requirement(int row, String title, String change, String theme, LocalDate deadline) {
        String prefix = "nyt-paabud-requirements[" + row + "].";
        browser.type(prefix + "title", title);
        browser.type(prefix + "requiredChange", change);
        new Select(browser.find(By.id(prefix + "qualityTheme"))).selectByVisibleText(theme);
        date(prefix + "deadline", deadline);
    }

    private static void goal(String requirement, String indicator, String unit, String baseline, String target,
                             String direction) {
        String form = "kvalitetsmaal-" + requirement;
        browser.open(form);
        browser.type(form + "-indicator", indicator);
        browser.type(form + "-unit", unit);
        browser.type(form + "-baseline", baseline);
        browser.type(form + "-target", target);
        browser.find(By.id(form)).findElement(By.cssSelector("input[name=direction][value=" + direction + "]"))
                .click();
        submit(form);
        awaitDone("Kvalitetsmålet er fastsat.");
    }

    private static void insight(String session, String requirement, String insight, String change) {
        String form = "indsigt-" + session;
        browser.open(form + "-form");
        new Select(browser.find(By.id(form + "-requirementId"))).selectByVisibleText(requirement);
        browser.type(form + "-insight", insight);
        browser.type(form + "-practiceChange", change);
        submit(form);
        awaitDone("Din indsigt og den aftalte praksisændring er registreret.");
        assertThat(browser.source()).contains(insight);
    }

    /** Ticks the evidence whose text contains {@code text}: picked by what it says, never by an id. */
    private static void pick(String form, String text) {
        browser.find(By.id(form)).findElement(By.xpath(".//fieldset[contains(@class,'evidens')]//label[contains(., '"
                + text + "')]/input")).click();
    }

    private static int measurementRows(String requirement) {
        return browser.find(By.id("maalinger-" + requirement)).findElements(By.xpath(
                "ancestor::article//table[contains(@class,'maalinger')]/tbody/tr")).size();
    }

    /** A date field's value as the browser's own picker would set it (typing depends on the locale's format). */
    private static void date(String id, LocalDate date) {
        browser.js("arguments[0].value = arguments[1];", browser.find(By.id(id)), date.toString());
    }

    private static String value(String id) {
        return browser.find(By.id(id)).getAttribute("value");
    }

    /** Submits the form with this id, or the one inside the element with this id, with its main button. */
    private static void submit(String id) {
        WebElement element = browser.find(By.id(id));
        WebElement form = "form".equals(element.getTagName()) ? element : element.findElement(By.tagName("form"));
        form.findElement(By.xpath(".//button[@type='submit' and not(@name='flere')]")).click();
    }

    /** What the leader's overview says waits for the organisation on this order: the "Hvad" of each row. */
    private static List<String> awaitingLeader(String reference) {
        return browser.findAll(By.xpath("//table[@id='venter-paa-jer-tabel']//tr[td/a[text()='" + reference
                + "']]/td[2]")).stream().map(WebElement::getText).toList();
    }

    private static void awaitDone(String message) {
        browser.awaitNavigation(url -> true);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(browser.findAll(By.id("registreret"))).as("the page says: " + message)
                        .anySatisfy(banner -> assertThat(banner.getText()).contains(message)));
    }
}
