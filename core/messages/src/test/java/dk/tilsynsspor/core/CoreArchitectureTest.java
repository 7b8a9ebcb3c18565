package dk.tilsynsspor.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** core holds messages and value types: no Spring, no JPA, no Jackson, and of Axon only its annotations. */
@AnalyzeClasses(packages = "dk.tilsynsspor.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule noFrameworks = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "javax.persistence..", "org.hibernate..",
                    "com.fasterxml..");

    @ArchTest
    static final ArchRule ofAxonOnlyAnnotations = classes()
            .should().onlyDependOnClassesThat(
                    com.tngtech.archunit.base.DescribedPredicate.describe("JDK (with its javax.crypto), core or Axon annotations",
                            type -> type.getPackageName().startsWith("java.")
                                    || type.getPackageName().startsWith("javax.crypto")
                                    || type.getPackageName().startsWith("dk.tilsynsspor.core")
                                    || type.isPrimitive() || type.isArray()
                                    || (type.getPackageName().startsWith("org.axonframework") && type.isAnnotation())));

    @ArchTest
    static final ArchRule messagesAreRecords = classes()
            .that().resideInAnyPackage("dk.tilsynsspor.core.order..", "dk.tilsynsspor.core.casework..")
            .and().areNotEnums().and().areNotInterfaces()
            .should().beRecords();
}
