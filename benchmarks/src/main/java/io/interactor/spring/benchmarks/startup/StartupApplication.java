package io.interactor.spring.benchmarks.startup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * P5: a small MVC app that names none of the starter's types, so that it starts with and without the starter on the
 * classpath. It prints how long {@link SpringApplication#run} took ({@code STARTUP_MS <n>}) and exits.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class StartupApplication {

	public static void main(String[] args) {
		long started = System.nanoTime();
		ConfigurableApplicationContext context = SpringApplication.run(StartupApplication.class, args);
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println("STARTUP_MS " + millis + " beans "
				+ context.getBeanNamesForType(Object.class, false, false).length);
		System.exit(SpringApplication.exit(context));
	}

	@RestController
	static class HelloController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
