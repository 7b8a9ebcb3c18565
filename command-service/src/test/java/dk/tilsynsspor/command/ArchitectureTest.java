package dk.tilsynsspor.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dk.tilsynsspor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandServiceNeverUsesQueryService = noClasses()
            .that().resideInAPackage("dk.tilsynsspor.command..")
            .should().dependOnClassesThat().resideInAPackage("dk.tilsynsspor.query..");

    @ArchTest
    static final ArchRule coreKnowsNoService = noClasses()
            .that().resideInAnyPackage("dk.tilsynsspor.core..", "dk.tilsynsspor.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("dk.tilsynsspor.command..", "dk.tilsynsspor.query..");

    /** The aggregates decide on commands alone: no HTTP, no servlet, no JDBC of their own. */
    @ArchTest
    static final ArchRule theDomainDoesNotReachTheWeb = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                    "org.springframework.http..", "org.springframework.jdbc..", "dk.tilsynsspor.command.web..");
}
