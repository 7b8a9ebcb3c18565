package dk.tilsynsspor.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dk.tilsynsspor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule queryServiceNeverUsesCommandService = noClasses()
            .that().resideInAPackage("dk.tilsynsspor.query..")
            .should().dependOnClassesThat().resideInAPackage("dk.tilsynsspor.command..");
}
