package io.interactor.spring.benchmarks.startup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * P5: a small MVC app that names none of the starter's types, so that it starts with and without the starter on the
 * classpath. It prints how long {@link SpringApplication#run} took ({@code STARTUP_MS <n>}) and exits. With
 * {@code -Dstartup.steps=true} it also records Spring's start-up steps and prints each step's own time, its nested
 * steps' time subtracted ({@code STEP <microseconds> <step> <bean or post-processor>}), so that what one bean costs
 * can be compared between the two classpaths.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class StartupApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StartupApplication.class);
		BufferingApplicationStartup steps = Boolean.getBoolean("startup.steps")
				? new BufferingApplicationStartup(100_000) : null;
		if (steps != null) {
			application.setApplicationStartup(steps);
		}
		long started = System.nanoTime();
		ConfigurableApplicationContext context = application.run(args);
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println("STARTUP_MS " + millis + " beans "
				+ context.getBeanNamesForType(Object.class, false, false).length);
		if (steps != null) {
			printOwnTimes(steps.getBufferedTimeline().getEvents());
		}
		System.exit(SpringApplication.exit(context));
	}

	private static void printOwnTimes(List<TimelineEvent> events) {
		Map<Long, Long> nestedNanos = new HashMap<>();
		for (TimelineEvent event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				nestedNanos.merge(parent, event.getDuration().toNanos(), Long::sum);
			}
		}
		for (TimelineEvent event : events) {
			String subject = "-";
			for (var tag : event.getStartupStep().getTags()) {
				if (tag.getKey().equals("beanName") || tag.getKey().equals("postProcessor")) {
					subject = tag.getValue().replaceAll("(@[0-9a-f]+|\\$\\$Lambda.*)$", "").replace(' ', '_');
				}
			}
			long own = event.getDuration().toNanos() - nestedNanos.getOrDefault(event.getStartupStep().getId(), 0L);
			System.out.println("STEP " + own / 1000 + " " + event.getStartupStep().getName() + " " + subject);
		}
	}

	@RestController
	static class HelloController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
