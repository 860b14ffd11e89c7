package com.chatwebsite.plugin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.core.domain.AccessTarget.Predicates.declaredIn;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;

import com.fasterxml.jackson.core.TSFBuilder;
import com.fasterxml.jackson.core.TokenStreamFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plugin's package rules: one direction per request, {@code store} a leaf, HTTP and JSON at the edges. */
class ArchitectureTest {

    private static final String ROOT = "com.chatwebsite.plugin";
    private static final String[] DOMAIN = {ROOT + ".website..", ROOT + ".schedule..", ROOT + ".session..",
        ROOT + ".form..", ROOT + ".offline..", ROOT + ".contact..", ROOT + ".video..", ROOT + ".upload..",
        ROOT + ".settings..", ROOT + ".error..", ROOT + ".channel..", ROOT + ".limit..", ROOT + ".queue..",
        ROOT + ".rating..", ROOT + ".chatfile..", ROOT + ".presence..", ROOT + ".webhook..",
        ROOT + ".consent..", ROOT + ".privacy..", ROOT + ".identity..", ROOT + ".transcript.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void domainPackagesKnowNeitherStorageNorHttpNorTheRuntime() {
        noClasses().that().resideInAnyPackage(DOMAIN).should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".store..", ROOT + ".web..", ROOT, "com.chatwebsite.api.web..")
                .check(classes);
    }

    @Test
    void storeIsALeafOnlyTheRuntimeWiresIn() {
        noClasses().that().resideOutsideOfPackages(ROOT, ROOT + ".store..").should().dependOnClassesThat()
                .resideInAPackage(ROOT + ".store..").check(classes);
    }

    /**
     * A mapper or factory built elsewhere would get Jackson's thread-local buffers, which keep the
     * unloaded plugin's class loader alive from the host's threads.
     */
    @Test
    void everyJacksonFactoryComesFromJsonMappers() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".json..").should().callConstructorWhere(
                target(declaredIn(assignableTo(ObjectMapper.class).or(assignableTo(TokenStreamFactory.class))
                        .or(assignableTo(TSFBuilder.class)))))
                .orShould().callMethodWhere(target(declaredIn(assignableTo(ObjectMapper.class)
                        .or(assignableTo(TokenStreamFactory.class)))).and(target(name("builder"))))
                .check(classes);
    }

    @Test
    void jsonIsWrittenOnlyAtTheEdges() {
        noClasses().that().resideInAnyPackage(ROOT + ".website..", ROOT + ".schedule..", ROOT + ".session..",
                ROOT + ".form..", ROOT + ".offline..", ROOT + ".contact..", ROOT + ".upload..", ROOT + ".settings..",
                ROOT + ".error..", ROOT + ".channel..", ROOT + ".limit..", ROOT + ".chatfile..").should().dependOnClassesThat()
                .resideInAPackage("com.fasterxml.jackson..").check(classes);
    }
}
