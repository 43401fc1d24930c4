package io.interactor.sample;

import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shows which way the test contexts were built, so the surefire output of the {@code aot-test} execution proves the
 * suite really ran on the AOT-generated contexts (and the default execution on regular ones).
 * <p>
 * Same configuration as {@link SampleOfflineFlowTests} (the default one, embedded mock included), so it shares that
 * cached context and proves the mock also runs on an AOT-generated context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AotModeTests {

	@Autowired
	private ConfigurableApplicationContext context;

	@Test
	void contextIsBuiltTheWayTheBuildAskedFor() {
		// Set by the aot-test execution of surefire next to spring.aot.enabled: if that execution ever stopped
		// enabling AOT, this fails instead of silently repeating the regular run.
		boolean aot = Boolean.getBoolean("interactor.sample.expect-aot");
		assertThat(AotDetector.useGeneratedArtifacts()).isEqualTo(aot);
		// An AOT-generated context registers its bean definitions from code: the processor that parses
		// @Configuration classes at startup is never registered. A regular context always has it.
		assertThat(this.context.getBeanFactory()
			.containsBeanDefinition(AnnotationConfigUtils.CONFIGURATION_ANNOTATION_PROCESSOR_BEAN_NAME))
			.as("ConfigurationClassPostProcessor present").isEqualTo(!aot);
	}

}
