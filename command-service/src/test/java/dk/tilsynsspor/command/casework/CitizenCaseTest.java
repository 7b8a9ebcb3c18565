package dk.tilsynsspor.command.casework;

import dk.tilsynsspor.core.casework.DimensionScore;

import dk.tilsynsspor.core.casework.CitizenProgressAssessed;

import dk.tilsynsspor.core.casework.AssessCitizenProgress;

import dk.tilsynsspor.core.casework.PracticeChangeFollowedUp;

import dk.tilsynsspor.core.casework.FollowUpPracticeChange;

import dk.tilsynsspor.core.security.Role;

import org.axonframework.messaging.MetaData;

import dk.tilsynsspor.command.lookup.OrderDirectory;
import dk.tilsynsspor.core.casework.AssignProfessionalToCase;
import dk.tilsynsspor.core.casework.ChooseDevelopmentTheme;
import dk.tilsynsspor.core.casework.CitizenCaseClosed;
import dk.tilsynsspor.core.casework.CitizenCaseOpened;
import dk.tilsynsspor.core.casework.CitizenForgotten;
import dk.tilsynsspor.core.casework.CloseCitizenCase;
import dk.tilsynsspor.core.casework.DevelopmentThemeChosen;
import dk.tilsynsspor.core.casework.ForgetCitizen;
import dk.tilsynsspor.core.casework.HoldLearningSession;
import dk.tilsynsspor.core.casework.LearningSessionHeld;
import dk.tilsynsspor.core.casework.OpenCitizenCase;
import dk.tilsynsspor.core.casework.ProfessionalAssignedToCase;
import dk.tilsynsspor.core.casework.ProfessionalReleasedFromCase;
import dk.tilsynsspor.core.casework.RecordSessionInsight;
import dk.tilsynsspor.core.casework.ReleaseProfessionalFromCase;
import dk.tilsynsspor.core.casework.SessionInsightRecorded;
import dk.tilsynsspor.command.access.Actors;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dk.tilsynsspor.core.casework.AttachCaseDocument;
import dk.tilsynsspor.core.casework.WithdrawCaseDocument;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dk.tilsynsspor.command.rules.Violations.violation;

/** The rules of a citizen case, one test per rule. */
class CitizenCaseTest {

    static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID REQUIREMENT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID OTHER_REQUIREMENT = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID INSIGHT = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID THEME = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    static final LocalDate HELD = LocalDate.of(2026, 12, 1);
    static final UUID DOCUMENT = UUID.fromString("00000000-0000-0000-0000-0000000000d9");
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private AggregateTestFixture<CitizenCase> fixture;
    private final Map<UUID, OrderDirectory.KnownOrder> orders = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CitizenCase.class);
        fixture.registerCommandDispatchInterceptor(Actors.byDefault());
        orders.put(ORDER, new OrderDirectory.KnownOrder(ORDER, "socialtilsyn-hovedstaden", "kk-handicap",
                Set.of(REQUIREMENT, OTHER_REQUIREMENT), false));
        fixture.registerInjectableResource((OrderDirectory) id -> Optional.ofNullable(orders.get(id)));
    }

    static CitizenCaseOpened opened() {
        return new CitizenCaseOpened(CASE, ORDER, "kk-handicap", "borger-0417", List.of(REQUIREMENT));
    }

    static ProfessionalAssignedToCase assigned(String professionalId) {
        return new ProfessionalAssignedToCase(CASE, ORDER, professionalId, professionalId, "pædagog", "bosted",
                "kontaktperson");
    }

    static Object[] team() {
        return new Object[]{opened(), assigned("paedagog"), assigned("socialraadgiver"), assigned("psykolog")};
    }

    static Object[] afterSession() {
        return new Object[]{opened(), assigned("paedagog"), assigned("socialraadgiver"), assigned("psykolog"),
                new LearningSessionHeld(CASE, ORDER, SESSION, HELD, "leader", List.of("paedagog", "psykolog"),
                        List.of(REQUIREMENT))};
    }

    @Test
    void opensACaseServingRequirementsOfAnOrderOfItsOrganisation() {
        fixture.givenNoPriorActivity()
                .when(new OpenCitizenCase(CASE, "kk-handicap", "borger-0417", ORDER, List.of(REQUIREMENT)))
                .expectEvents(opened());
    }

    @ParameterizedTest
    @ValueSource(strings = {"010190-1234", "0101901234", "borger 010190 1234"})
    void refusesACprNumberAsCitizenReference(String citizenRef) {
        fixture.givenNoPriorActivity()
                .when(new OpenCitizenCase(CASE, "kk-handicap", citizenRef, ORDER, List.of(REQUIREMENT)))
                .expectNoEvents().expectException(violation("cpr-number"));
    }

    @Test
    void anOrderOfAnotherOrganisationIsAnsweredAsAnUnknownOne() {
        fixture.givenNoPriorActivity()
                .when(new OpenCitizenCase(CASE, "aarhus-psykiatri", "borger-1", ORDER, List.of(REQUIREMENT)),
                        Actors.OTHER_LEADER)
                .expectNoEvents().expectException(violation("unknown-order"));
    }

    @Test
    void cannotServeAnOrderThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new OpenCitizenCase(CASE, "kk-handicap", "borger-1", UUID.randomUUID(), List.of(REQUIREMENT)))
                .expectNoEvents().expectException(violation("unknown-order"));
    }

    @Test
    void cannotServeARequirementTheOrderDoesNotHave() {
        fixture.givenNoPriorActivity()
                .when(new OpenCitizenCase(CASE, "kk-handicap", "borger-1", ORDER, List.of(UUID.randomUUID())))
                .expectNoEvents().expectException(violation("unknown-requirement"));
    }

    @Test
    void cannotServeAClosedOrder() {
        orders.put(ORDER, new OrderDirectory.KnownOrder(ORDER, "a", "kk-handicap", Set.of(REQUIREMENT), true));
        fixture.givenNoPriorActivity()
                .when(new OpenCitizenCase(CASE, "kk-handicap", "borger-1", ORDER, List.of(REQUIREMENT)))
                .expectNoEvents().expectException(violation("order-closed"));
    }

    @Test
    void assignsAProfessional() {
        fixture.given(opened())
                .when(new AssignProfessionalToCase(CASE, "paedagog", "paedagog", "pædagog", "bosted",
                        "kontaktperson"))
                .expectEvents(assigned("paedagog"));
    }

    @Test
    void cannotAssignAProfessionalTwice() {
        fixture.given(opened(), assigned("paedagog"))
                .when(new AssignProfessionalToCase(CASE, "paedagog", "Pia", "pædagog", "bosted", "kontakt"))
                .expectNoEvents().expectException(violation("already-on-team"));
    }

    @Test
    void releasesOnlyAnAssignedProfessional() {
        fixture.given(opened(), assigned("paedagog"))
                .when(new ReleaseProfessionalFromCase(CASE, "paedagog"))
                .expectEvents(new ProfessionalReleasedFromCase(CASE, ORDER, "paedagog"));
        fixture.given(opened())
                .when(new ReleaseProfessionalFromCase(CASE, "paedagog"))
                .expectNoEvents().expectException(violation("not-on-team"));
    }

    @Test
    void aProfessionalOnTheTeamChoosesAThemeForARequirementTheCaseServes() {
        fixture.given(team())
                .when(new ChooseDevelopmentTheme(CASE, THEME, "paedagog", "low arousal", REQUIREMENT))
                .expectEvents(new DevelopmentThemeChosen(CASE, ORDER, THEME, "paedagog", "low arousal", REQUIREMENT));
    }

    @Test
    void aProfessionalOffTheTeamIsToldTheCaseDoesNotExist() {
        fixture.given(opened(), assigned("paedagog"))
                .when(new ChooseDevelopmentTheme(CASE, THEME, "psykolog", "low arousal", REQUIREMENT))
                .expectNoEvents().expectException(violation("not-visible"));
    }

    static final MetaData EXTERNAL_PSYCHOLOGIST = Actors.as("psykolog-region", Role.PROFESSIONAL, "region-h-psykiatri");

    static ProfessionalAssignedToCase assignedFrom(String professionalId, String homeOrganisationId) {
        return new ProfessionalAssignedToCase(CASE, ORDER, professionalId, professionalId, "psykolog",
                "regionspsykiatri", "supervision", homeOrganisationId);
    }

    @Test
    void aLeaderPutsAProfessionalOfAnotherOrganisationOnTheTeam() {
        fixture.given(opened())
                .when(new AssignProfessionalToCase(CASE, "psykolog-region", "psykolog-region", "psykolog",
                        "regionspsykiatri", "supervision", "region-h-psykiatri"), Actors.LEADER)
                .expectEvents(assignedFrom("psykolog-region", "region-h-psykiatri"));
    }

    @Test
    void aProfessionalOfAnotherOrganisationOnTheTeamActsOnTheCase() {
        fixture.given(opened(), assigned("paedagog"), assignedFrom("psykolog-region", "region-h-psykiatri"))
                .when(new HoldLearningSession(CASE, SESSION, HELD, "psykolog-region",
                        List.of("paedagog", "psykolog-region"), List.of(REQUIREMENT)), EXTERNAL_PSYCHOLOGIST)
                .expectEvents(new LearningSessionHeld(CASE, ORDER, SESSION, HELD, "psykolog-region",
                        List.of("paedagog", "psykolog-region"), List.of(REQUIREMENT)));
    }

    @Test
    void aProfessionalActsOnlyAsAMemberOfTheirOwnHomeOrganisation() {
        // the same id on the team, but of the case's own organisation: a professional of another one is not them
        fixture.given(opened(), assigned("paedagog"), assigned("psykolog-region"))
                .when(new ChooseDevelopmentTheme(CASE, THEME, "psykolog-region", "supervision", REQUIREMENT),
                        EXTERNAL_PSYCHOLOGIST)
                .expectNoEvents().expectException(violation("not-visible"));
        fixture.given(opened(), assigned("paedagog"))
                .when(new ChooseDevelopmentTheme(CASE, THEME, "psykolog-region", "supervision", REQUIREMENT),
                        EXTERNAL_PSYCHOLOGIST)
                .expectNoEvents().expectException(violation("not-visible"));
    }

    @Test
    void aProfessionalRecordsInsightsOnlyAsThemselves() {
        fixture.given(afterSession())
                .when(new RecordSessionInsight(CASE, SESSION, INSIGHT, "psykolog", REQUIREMENT, "insight", "change"),
                        Actors.professional("paedagog"))
                .expectNoEvents().expectException(violation("not-yourself"));
    }

    @Test
    void onlyALeaderOfTheOrganisationOpensACaseAndManagesTheTeam() {
        fixture.givenNoPriorActivity()
                .when(new OpenCitizenCase(CASE, "kk-handicap", "borger-0417", ORDER, List.of(REQUIREMENT)),
                        Actors.OTHER_LEADER)
                .expectNoEvents().expectException(violation("not-your-organisation"));
        fixture.given(team())
                .when(new AssignProfessionalToCase(CASE, "laege", "Lis", "læge", "region", "kontakt"),
                        Actors.professional("paedagog"))
                .expectNoEvents().expectException(violation("wrong-role"));
        fixture.given(team())
                .when(new AssignProfessionalToCase(CASE, "laege", "Lis", "læge", "region", "kontakt"),
                        Actors.OTHER_LEADER)
                .expectNoEvents().expectException(violation("not-visible"));
    }

    @Test
    void aProfessionalOffTheTeamCannotHoldASession() {
        fixture.given(team())
                .when(new HoldLearningSession(CASE, SESSION, HELD, "x", List.of("paedagog", "psykolog"),
                        List.of(REQUIREMENT)), Actors.professional("professional9"))
                .expectNoEvents().expectException(violation("not-visible"));
    }

    @Test
    void cannotChooseAThemeForARequirementTheCaseDoesNotServe() {
        fixture.given(team())
                .when(new ChooseDevelopmentTheme(CASE, THEME, "paedagog", "low arousal", OTHER_REQUIREMENT))
                .expectNoEvents().expectException(violation("requirement-not-served"));
    }

    @Test
    void holdsALearningSessionOfTeamMembers() {
        fixture.given(team())
                .when(new HoldLearningSession(CASE, SESSION, HELD, "leader", List.of("paedagog", "psykolog"),
                        List.of(REQUIREMENT)))
                .expectEvents(new LearningSessionHeld(CASE, ORDER, SESSION, HELD, "leader",
                        List.of("paedagog", "psykolog"), List.of(REQUIREMENT)));
    }

    @Test
    void aLearningSessionNeedsAtLeastTwoParticipants() {
        fixture.given(team())
                .when(new HoldLearningSession(CASE, SESSION, HELD, "leader", List.of("paedagog", "paedagog"),
                        List.of(REQUIREMENT)))
                .expectNoEvents().expectException(violation("too-few-participants"));
    }

    @Test
    void everyParticipantIsOnTheTeam() {
        fixture.given(team())
                .when(new HoldLearningSession(CASE, SESSION, HELD, "leader", List.of("paedagog", "professional2"),
                        List.of(REQUIREMENT)))
                .expectNoEvents().expectException(violation("not-on-team"));
    }

    private Object[] afterInsight(LocalDate heldOn) {
        return new Object[]{opened(), assigned("paedagog"), assigned("psykolog"),
                new LearningSessionHeld(CASE, ORDER, SESSION, heldOn, "leader", List.of("paedagog", "psykolog"),
                        List.of(REQUIREMENT)),
                new SessionInsightRecorded(CASE, ORDER, SESSION, INSIGHT, "psykolog", REQUIREMENT, "insight",
                        "change")};
    }

    @Test
    void aProfessionalOnTheTeamFollowsUpAnAgreedPracticeChange() {
        LocalDate today = LocalDate.ofInstant(fixture.currentTime(), java.time.ZoneId.of("Europe/Copenhagen"));
        fixture.given(afterInsight(today.minusDays(10)))
                .when(new FollowUpPracticeChange(CASE, SESSION, INSIGHT, "paedagog", true, today.minusDays(2),
                        "fast del af aftenrutinen"), Actors.professional("paedagog"))
                .expectEvents(new PracticeChangeFollowedUp(CASE, ORDER, SESSION, INSIGHT, "paedagog", REQUIREMENT,
                        true, today.minusDays(2), "fast del af aftenrutinen"));
    }

    @Test
    void anAdoptedChangeWasAdoptedBetweenTheSessionAndToday() {
        LocalDate today = LocalDate.ofInstant(fixture.currentTime(), java.time.ZoneId.of("Europe/Copenhagen"));
        fixture.given(afterInsight(today.minusDays(10)))
                .when(new FollowUpPracticeChange(CASE, SESSION, INSIGHT, "paedagog", true, today.minusDays(11),
                        null), Actors.professional("paedagog"))
                .expectNoEvents().expectException(violation("follow-up-incomplete"));
        fixture.given(afterInsight(today.minusDays(10)))
                .when(new FollowUpPracticeChange(CASE, SESSION, INSIGHT, "paedagog", true, today.plusDays(1),
                        null), Actors.professional("paedagog"))
                .expectNoEvents().expectException(violation("follow-up-incomplete"));
    }

    @Test
    void aChangeNotAdoptedSaysWhy() {
        LocalDate today = LocalDate.ofInstant(fixture.currentTime(), java.time.ZoneId.of("Europe/Copenhagen"));
        fixture.given(afterInsight(today.minusDays(10)))
                .when(new FollowUpPracticeChange(CASE, SESSION, INSIGHT, "paedagog", false, null, " "),
                        Actors.professional("paedagog"))
                .expectNoEvents().expectException(violation("follow-up-incomplete"));
    }

    @Test
    void onlyARecordedInsightOfTheSessionIsFollowedUpAndOnlyByTheTeam() {
        LocalDate today = LocalDate.ofInstant(fixture.currentTime(), java.time.ZoneId.of("Europe/Copenhagen"));
        fixture.given(afterInsight(today.minusDays(10)))
                .when(new FollowUpPracticeChange(CASE, SESSION, java.util.UUID.randomUUID(), "paedagog", true,
                        today, null), Actors.professional("paedagog"))
                .expectNoEvents().expectException(violation("unknown-insight"));
        fixture.given(afterInsight(today.minusDays(10)))
                .when(new FollowUpPracticeChange(CASE, SESSION, INSIGHT, "ergoterapeut", true, today, null),
                        Actors.professional("ergoterapeut"))
                .expectNoEvents().expectException(violation("not-visible"));
    }

    static final java.util.UUID ASSESSMENT = java.util.UUID.fromString("00000000-0000-0000-0000-0000000000f1");

    @Test
    void aProfessionalOnTheTeamAssessesTheCitizensProgressSealedAsPersonalData() {
        LocalDate today = LocalDate.ofInstant(fixture.currentTime(), java.time.ZoneId.of("Europe/Copenhagen"));
        fixture.given(team())
                .when(new AssessCitizenProgress(CASE, ASSESSMENT, today, List.of(new DimensionScore("Bolig", 6),
                        new DimensionScore("Netværk", 4)), "sover bedre"), Actors.professional("paedagog"))
                .expectEvents(new CitizenProgressAssessed(CASE, ORDER, ASSESSMENT, "paedagog", today,
                        "Bolig=6\nNetværk=4\n", "sover bedre"));
    }

    @Test
    void aScoreLiesFromOneToTenOnADimensionNamedOnce() {
        LocalDate today = LocalDate.ofInstant(fixture.currentTime(), java.time.ZoneId.of("Europe/Copenhagen"));
        fixture.given(team())
                .when(new AssessCitizenProgress(CASE, ASSESSMENT, today, List.of(new DimensionScore("Bolig", 11)),
                        null), Actors.LEADER)
                .expectNoEvents().expectException(violation("score-out-of-range"));
        fixture.given(team())
                .when(new AssessCitizenProgress(CASE, ASSESSMENT, today, List.of(new DimensionScore("Bolig", 5),
                        new DimensionScore("bolig", 6)), null), Actors.LEADER)
                .expectNoEvents().expectException(violation("invalid-dimension"));
        fixture.given(team())
                .when(new AssessCitizenProgress(CASE, ASSESSMENT, today, List.of(new DimensionScore("A=B", 5)),
                        null), Actors.LEADER)
                .expectNoEvents().expectException(violation("invalid-dimension"));
        fixture.given(team())
                .when(new AssessCitizenProgress(CASE, ASSESSMENT, today, List.of(), null), Actors.LEADER)
                .expectNoEvents().expectException(violation("assessment-incomplete"));
        fixture.given(team())
                .when(new AssessCitizenProgress(CASE, ASSESSMENT, today.plusDays(1),
                        List.of(new DimensionScore("Bolig", 5)), null), Actors.LEADER)
                .expectNoEvents().expectException(violation("assessment-incomplete"));
    }

    @Test
    void anInspectorAndAProfessionalOffTheTeamDoNotAssess() {
        LocalDate today = LocalDate.ofInstant(fixture.currentTime(), java.time.ZoneId.of("Europe/Copenhagen"));
        fixture.given(team())
                .when(new AssessCitizenProgress(CASE, ASSESSMENT, today, List.of(new DimensionScore("Bolig", 5)),
                        null), Actors.INSPECTOR)
                .expectNoEvents().expectException(violation("wrong-role"));
        fixture.given(team())
                .when(new AssessCitizenProgress(CASE, ASSESSMENT, today, List.of(new DimensionScore("Bolig", 5)),
                        null), Actors.professional("ergoterapeut"))
                .expectNoEvents().expectException(violation("not-visible"));
    }

    @Test
    void aParticipantRecordsAnInsight() {
        fixture.given(afterSession())
                .when(new RecordSessionInsight(CASE, SESSION, INSIGHT, "psykolog", REQUIREMENT, "insight", "change"))
                .expectEvents(new SessionInsightRecorded(CASE, ORDER, SESSION, INSIGHT, "psykolog", REQUIREMENT,
                        "insight", "change"));
    }

    @Test
    void cannotRecordAnInsightOfASessionThatWasNotHeld() {
        fixture.given(team())
                .when(new RecordSessionInsight(CASE, SESSION, INSIGHT, "psykolog", REQUIREMENT, "insight", "change"))
                .expectNoEvents().expectException(violation("unknown-session"));
    }

    @Test
    void cannotRecordAnInsightOfASessionOneDidNotTakePartIn() {
        fixture.given(afterSession())
                .when(new RecordSessionInsight(CASE, SESSION, INSIGHT, "socialraadgiver", REQUIREMENT, "i", "c"))
                .expectNoEvents().expectException(violation("not-a-participant"));
    }

    @Test
    void cannotRecordAnInsightForARequirementTheCaseDoesNotServe() {
        fixture.given(afterSession())
                .when(new RecordSessionInsight(CASE, SESSION, INSIGHT, "psykolog", OTHER_REQUIREMENT, "i", "c"))
                .expectNoEvents().expectException(violation("requirement-not-served"));
    }

    @Test
    void aClosedCaseAcceptsNoCommand() {
        fixture.given(opened(), new CitizenCaseClosed(CASE, ORDER))
                .when(new AssignProfessionalToCase(CASE, "paedagog", "Pia", "pædagog", "bosted", "kontakt"))
                .expectNoEvents().expectException(violation("case-closed"));
        fixture.given(opened(), new CitizenCaseClosed(CASE, ORDER))
                .when(new CloseCitizenCase(CASE))
                .expectNoEvents().expectException(violation("case-closed"));
    }

    @Test
    void anInspectorOfTheOrdersAuthoritySeesTheCaseButDoesNotChangeIt() {
        fixture.given(team())
                .when(new CloseCitizenCase(CASE), Actors.INSPECTOR)
                .expectNoEvents().expectException(violation("wrong-role"));
        fixture.given(team())
                .when(new CloseCitizenCase(CASE), Actors.OTHER_INSPECTOR)
                .expectNoEvents().expectException(violation("not-visible"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"borgeren (010190-1234) blev rolig", "0101901234"})
    void refusesACprNumberInTheFreeTextOfACase(String text) {
        fixture.given(afterSession())
                .when(new RecordSessionInsight(CASE, SESSION, INSIGHT, "psykolog", REQUIREMENT, text, "change"))
                .expectNoEvents().expectException(violation("cpr-number"));
        fixture.given(afterSession())
                .when(new RecordSessionInsight(CASE, SESSION, INSIGHT, "psykolog", REQUIREMENT, "insight", text))
                .expectNoEvents().expectException(violation("cpr-number"));
        fixture.given(team())
                .when(new ChooseDevelopmentTheme(CASE, THEME, "paedagog", text, REQUIREMENT))
                .expectNoEvents().expectException(violation("cpr-number"));
    }

    @Test
    void forgetsTheCitizenOnceTheOrderTheCaseServesIsClosed() {
        closeOrder();
        fixture.given(with(afterSession(), new CitizenCaseClosed(CASE, ORDER)))
                .when(new ForgetCitizen(CASE, "borgeren har bedt om sletning"))
                .expectEvents(new CitizenForgotten(CASE, ORDER, "borgeren har bedt om sletning"));
    }

    @Test
    void aCitizenIsNotForgottenWhileTheOrderTheCaseServesIsOpen() {
        fixture.given(with(afterSession(), new CitizenCaseClosed(CASE, ORDER)))
                .when(new ForgetCitizen(CASE, "borgeren har bedt om sletning"))
                .expectNoEvents().expectException(violation("legal-hold"));
    }

    @Test
    void forgettingNeedsAReasonWithoutPersonalData() {
        closeOrder();
        fixture.given(opened())
                .when(new ForgetCitizen(CASE, " "))
                .expectNoEvents().expectException(violation("reason-required"));
        fixture.given(opened())
                .when(new ForgetCitizen(CASE, "anmodning fra 010190-1234"))
                .expectNoEvents().expectException(violation("cpr-number"));
    }

    @Test
    void onlyALeaderOfTheOrganisationForgets() {
        closeOrder();
        fixture.given(team())
                .when(new ForgetCitizen(CASE, "sletning"), Actors.professional("paedagog"))
                .expectNoEvents().expectException(violation("wrong-role"));
        fixture.given(team())
                .when(new ForgetCitizen(CASE, "sletning"), Actors.OTHER_LEADER)
                .expectNoEvents().expectException(violation("not-visible"));
    }

    @Test
    void aForgottenCitizenIsForgottenForGood() {
        closeOrder();
        fixture.given(with(team(), new CitizenForgotten(CASE, ORDER, "sletning")))
                .when(new ForgetCitizen(CASE, "igen"))
                .expectNoEvents().expectException(violation("already-forgotten"));
        fixture.given(with(team(), new CitizenForgotten(CASE, ORDER, "sletning")))
                .when(new ChooseDevelopmentTheme(CASE, THEME, "paedagog", "low arousal", REQUIREMENT))
                .expectNoEvents().expectException(violation("case-forgotten"));
    }

    static Object[] with(Object[] events, Object... more) {
        Object[] all = java.util.Arrays.copyOf(events, events.length + more.length);
        System.arraycopy(more, 0, all, events.length, more.length);
        return all;
    }

    private void closeOrder() {
        orders.put(ORDER, new OrderDirectory.KnownOrder(ORDER, "socialtilsyn-hovedstaden", "kk-handicap",
                Set.of(REQUIREMENT, OTHER_REQUIREMENT), true));
    }

    static dk.tilsynsspor.core.order.EvidenceDocumentAttached documentAttached(String by) {
        return new dk.tilsynsspor.core.order.EvidenceDocumentAttached(ORDER, REQUIREMENT, CASE, DOCUMENT, by,
                "Referat", "referat.odt", "application/vnd.oasis.opendocument.text", 2048, SHA, HELD);
    }

    static AttachCaseDocument attachDocument(UUID requirementId) {
        return new AttachCaseDocument(CASE, requirementId, DOCUMENT, "Referat", "referat.odt",
                "application/vnd.oasis.opendocument.text", 2048, SHA, HELD);
    }

    @Test
    void aProfessionalOnTheTeamAttachesADocumentToTheCaseForARequirementItServes() {
        fixture.given(team()).when(attachDocument(REQUIREMENT), Actors.professional("paedagog"))
                .expectEvents(documentAttached("paedagog"));
    }

    @Test
    void aProfessionalNotOnTheTeamIsAnsweredAsIfTheCaseDidNotExist() {
        fixture.given(team()).when(attachDocument(REQUIREMENT), Actors.professional("stranger"))
                .expectNoEvents().expectException(violation("not-visible"));
    }

    @Test
    void aCaseDocumentServesOnlyARequirementTheCaseServes() {
        fixture.given(team()).when(attachDocument(OTHER_REQUIREMENT), Actors.professional("paedagog"))
                .expectNoEvents().expectException(violation("requirement-not-served"));
    }

    @Test
    void onlyWhoeverAttachedADocumentOrALeaderWithdrawsIt() {
        fixture.given(with(team(), documentAttached("paedagog")))
                .when(new WithdrawCaseDocument(CASE, DOCUMENT, "forkert fil"), Actors.professional("psykolog"))
                .expectNoEvents().expectException(violation("not-attacher"));
        fixture.given(with(team(), documentAttached("paedagog")))
                .when(new WithdrawCaseDocument(CASE, DOCUMENT, "forkert fil"), Actors.LEADER)
                .expectEvents(new dk.tilsynsspor.core.order.EvidenceDocumentWithdrawn(ORDER, REQUIREMENT, CASE,
                        DOCUMENT, "leader", "forkert fil"));
    }

}
