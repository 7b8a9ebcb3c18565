package dk.tilsynsspor.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dk.tilsynsspor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandServiceNeverUsesQueryService = noClasses()
            .that().resideInAPackage("dk.tilsynsspor.command..")
            .should().dependOnClassesThat().resideInAPackage("dk.tilsynsspor.query..");

    @ArchTest
    static final ArchRule coreKnowsNoService = noClasses()
            .that().resideInAPackage("dk.tilsynsspor.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dk.tilsynsspor.command..", "dk.tilsynsspor.query..");
}
