package io.interactor.spring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The starter's dependency direction, checked on the compiled main classes: auto-configuration wires everything,
 * operations code ({@code actuate}) reads the core, the browser relay ({@code relay}) reads the client, and the core
 * ({@code client}, {@code webhook}) knows none of them. Inside the client, value types and errors sit at the bottom,
 * HTTP plumbing above them, authentication above that, and the resource groups and entry points on top; no two
 * packages of the starter depend on each other.
 */
class ArchitectureTests {

	private static final String ROOT = "io.interactor.spring";

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(ROOT);
	}

	@Test
	void coreDependsOnNeitherOperationsNorAutoConfiguration() {
		// Every class must sit in a layer: a package outside them would be checked by no rule here, so core code
		// could reach operations code through it.
		ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
			.ensureAllClassesAreContainedInArchitecture()
			.layer("Auto-configuration")
			.definedBy(ROOT + ".autoconfigure..")
			.layer("Operations")
			.definedBy(ROOT + ".actuate..")
			.layer("Relay")
			.definedBy(ROOT + ".relay..")
			.layer("Client")
			.definedBy(ROOT + ".client..")
			.layer("Webhook")
			.definedBy(ROOT + ".webhook..")
			.whereLayer("Auto-configuration")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Operations")
			.mayOnlyBeAccessedByLayers("Auto-configuration")
			.whereLayer("Relay")
			.mayOnlyBeAccessedByLayers("Auto-configuration")
			.whereLayer("Client")
			.mayOnlyBeAccessedByLayers("Auto-configuration", "Operations", "Relay")
			.whereLayer("Webhook")
			.mayOnlyBeAccessedByLayers("Auto-configuration", "Operations");
		rule.check(classes);
	}

	@Test
	void noPackageCycles() {
		slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
	}

	@Test
	void sharedValueTypesAndErrorsDependOnNoOtherStarterPackage() {
		for (String bottom : new String[] { ".client.core..", ".client.error.." }) {
			noClasses().that()
				.resideInAPackage(ROOT + bottom)
				.should()
				.dependOnClassesThat(are(resideInAPackage(ROOT + "..")).and(are(resideInAnyPackage(ROOT + bottom,
						ROOT + ".client.core..", ROOT + ".client.error..")).negate()))
				.check(classes);
		}
	}

	@Test
	void httpPlumbingDoesNotKnowAuthenticationStreamsOrResources() {
		noClasses().that()
			.resideInAPackage(ROOT + ".client.http..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT + ".client.auth..", ROOT + ".client.stream..", ROOT + ".client.resource..")
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".client")
			.check(classes);
	}

	@Test
	void authenticationAndStreamsDoNotKnowResourcesOrTheEntryPoints() {
		noClasses().that()
			.resideInAnyPackage(ROOT + ".client.auth..", ROOT + ".client.stream..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT + ".client.resource..", ROOT + ".client")
			.check(classes);
	}

	@Test
	void webhookPipelineAndEndpointsDependDownwardsOnly() {
		noClasses().that()
			.resideInAnyPackage(ROOT + ".webhook.signature..", ROOT + ".webhook.idempotency..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT + ".webhook.dispatch..", ROOT + ".webhook.web..")
			.check(classes);
		noClasses().that()
			.resideInAPackage(ROOT + ".webhook.dispatch..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".webhook.web..")
			.check(classes);
	}

}
