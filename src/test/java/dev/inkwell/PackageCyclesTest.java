package dev.inkwell;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;

/**
 * No two packages depend on each other, directly or round a loop: features sit in layers
 * (user, tag, post, comment; auth above user), and what several share (the viewer and the post
 * visibility rule, slugs, GraphQL plumbing, the database) sits below them all.
 */
class PackageCyclesTest {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.inkwell");

	@Test
	void topLevelPackagesAreFreeOfCycles() {
		// Known, to be removed: read routing (graphql/routing, merged last) reads users, AuthPayloads and the viewer.
		slices().matching("dev.inkwell.(*)..")
			.should()
			.beFreeOfCycles()
			.ignoreDependency(nameMatching("dev\\.inkwell\\.graphql\\.routing\\..*"),
					nameMatching("dev\\.inkwell\\.(auth|user|viewer)\\..*"))
			.check(MAIN);
	}

	@Test
	void graphqlSubPackagesAreFreeOfCycles() {
		slices().matching("dev.inkwell.graphql.(*)..").should().beFreeOfCycles().check(MAIN);
	}

}
