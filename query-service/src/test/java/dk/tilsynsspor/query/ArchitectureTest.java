package dk.tilsynsspor.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dk.tilsynsspor.query.pages.PageController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dk.tilsynsspor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule queryServiceNeverUsesCommandService = noClasses()
            .that().resideInAPackage("dk.tilsynsspor.query..")
            .should().dependOnClassesThat().resideInAPackage("dk.tilsynsspor.command..");

    /** The pages ask the query bus, like the API; they never read the event store or the tables themselves. */
    @ArchTest
    static final ArchRule pagesDoNotReachTheEventStoreOrTheDatabase = noClasses()
            .that().resideInAPackage("dk.tilsynsspor.query.pages..")
            .or().areAnnotatedWith(PageController.class)
            .should().dependOnClassesThat().resideInAnyPackage("dk.tilsynsspor.query.eventstore..",
                    "dk.tilsynsspor.query.trail..", "org.axonframework.eventsourcing..",
                    "org.axonframework.eventhandling..", "org.springframework.jdbc..");

    /** The projection and the folds know nothing of HTTP: the web calls them, never the reverse. */
    @ArchTest
    static final ArchRule readModelsDoNotReachTheWeb = noClasses()
            .that().resideInAnyPackage("dk.tilsynsspor.query.trail..", "dk.tilsynsspor.query.dossier..",
                    "dk.tilsynsspor.query.eventstore..", "dk.tilsynsspor.query.replay..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                    "dk.tilsynsspor.query.pages..");
}
