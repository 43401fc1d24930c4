package io.interactor.sample;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles every {@code ```java} block of the project's {@code README.md} with {@link JavaCompiler} against the test
 * classpath, one test per block, named and failing with the block's line number. Two kinds of block:
 * <ul>
 * <li><b>Complete compilation units</b>: a block with {@code import} (or {@code package}) lines. Compiled as it
 * stands, strictly: what a reader pastes must compile. Package-less units are fine.</li>
 * <li><b>Fragments</b>: any other block (statements, a {@code @Bean} method, a class without its imports). Wrapped
 * in a class that imports the starter's packages and the usual Spring, Reactor and JDK types (see {@link #PRELUDE})
 * and declares the names the README's fragments take from their surroundings ({@link #CONTEXT}: {@code client},
 * {@code reactive}, {@code ns}, ...); statements go into a method body, members into the class body. A fragment may
 * still use names it does not declare (your service, your vault): a "cannot find symbol" whose location is the
 * fragment's own code is accepted. Every other error fails, so a call to a starter method that no longer exists,
 * wrong argument types or a syntax error is caught.</li>
 * </ul>
 */
class ReadmeSnippetsTests {

	/** The README; the system property {@code readme} points the test at another copy (e.g. a trial merge). */
	private static final Path README = Paths.get(System.getProperty("readme", "../README.md"));

	private static final Pattern JAVA_BLOCK_START = Pattern.compile("^\\s*```java\\s*$");

	private static final Pattern COMPLETE_UNIT = Pattern.compile("^(import|package)\\s+[\\w.*]+(\\s*;|\\s+static)",
			Pattern.MULTILINE);

	private static final Pattern MEMBER_FRAGMENT = Pattern.compile(
			"^(@\\w+|(public |protected |private |static |final |abstract )*(class|record|interface|enum) |"
					+ "(public |protected |private |static |final )*[\\w.<>\\[\\], ?]+\\s+\\w+\\s*\\([^;]*\\)\\s*(throws [\\w., ]+)?\\s*\\{)",
			Pattern.MULTILINE);

	private static final Pattern DECLARED_TYPE = Pattern
		.compile("\\b(?:class|record|interface|enum)\\s+(\\w+)");

	private static final Pattern LOCATION = Pattern.compile("location: (?:class|interface|enum|record|variable \\w+ of type) ([\\w.<>]+)");

	/** Imports given to every fragment. */
	static final String PRELUDE = """
			import java.net.*;
			import java.time.*;
			import java.util.*;
			import java.util.concurrent.*;
			import java.util.function.*;
			import io.interactor.spring.autoconfigure.*;
			import io.interactor.spring.client.*;
			import io.interactor.spring.client.auth.*;
			import io.interactor.spring.client.core.*;
			import io.interactor.spring.client.error.*;
			import io.interactor.spring.client.http.*;
			import io.interactor.spring.client.resource.*;
			import io.interactor.spring.client.stream.*;
			import io.interactor.spring.relay.*;
			import io.interactor.spring.test.*;
			import io.interactor.spring.webhook.*;
			import io.interactor.spring.webhook.dispatch.*;
			import io.interactor.spring.webhook.idempotency.*;
			import io.interactor.spring.webhook.signature.*;
			import io.micrometer.core.instrument.MeterRegistry;
			import io.micrometer.observation.*;
			import org.apache.commons.logging.*;
			import org.springframework.beans.factory.annotation.*;
			import org.springframework.context.annotation.*;
			import org.springframework.core.annotation.Order;
			import org.springframework.http.*;
			import org.springframework.stereotype.*;
			import org.springframework.web.reactive.function.client.*;
			import reactor.core.*;
			import reactor.core.publisher.*;
			import tools.jackson.databind.*;
			import static org.assertj.core.api.Assertions.*;
			""";

	/** Names the fragments use from their surroundings, declared in the wrapping class. */
	static final String CONTEXT = """
			InteractorClient client; InteractorClient interactorClient;
			ReactiveInteractorClient reactive; ReactiveInteractorClient reactiveInteractorClient;
			String ns; String namespace; String roomId; String text; String clientMessageId; String clientId;
			String clientSecret; String code; String state; StringBuilder sink; MeterRegistry meterRegistry;
			MockInteractorServer server; MockInteractorServer interactor;
			""";

	@TempDir
	Path output;

	@TestFactory
	Stream<DynamicTest> everyJavaBlockCompiles() throws IOException {
		List<Block> blocks = blocks(Files.readAllLines(README));
		assertThat(blocks).as("java blocks in README.md").isNotEmpty();
		return blocks.stream()
			.map((block) -> DynamicTest.dynamicTest("README.md line " + block.line() + " ("
					+ (block.complete() ? "complete unit" : "fragment") + ")", () -> compile(block)));
	}

	private void compile(Block block) throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler).as("a JDK's compiler").isNotNull();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		Path classes = Files.createDirectories(this.output.resolve("line" + block.line()));
		try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
			files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
			String source = block.complete() ? block.code() : wrap(block);
			JavaFileObject unit = new Source("ReadmeLine" + block.line(), source);
			List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none",
					"-Xlint:none", "-nowarn", "-parameters");
			compiler.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
			Set<String> ownTypes = declaredTypes(source);
			List<String> errors = diagnostics.getDiagnostics()
				.stream()
				.filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
				.filter((diagnostic) -> block.complete() || !isOwnMissingSymbol(diagnostic, ownTypes))
				.map((diagnostic) -> describe(block, diagnostic))
				.toList();
			assertThat(errors).as("README.md line %d: the ```java block does not compile", block.line()).isEmpty();
		}
	}

	/** Wraps a fragment: members into the class body, statements into a method. */
	static String wrap(Block block) {
		String name = "ReadmeLine" + block.line();
		boolean members = MEMBER_FRAGMENT.matcher(firstCodeLine(block.code())).lookingAt();
		String body = members ? block.code() : "void snippet() throws Exception {\n" + block.code() + "\n}";
		// The fragment starts at a known line of the wrapper, so errors are reported at README lines.
		return PRELUDE.replace("\n", " ") + "\n@SuppressWarnings(\"all\") abstract class " + name + " { " + CONTEXT
			.replace("\n", " ") + "\n" + body + "\n}\n";
	}

	private static String firstCodeLine(String code) {
		return code.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("//"))
			.findFirst()
			.orElse("");
	}

	private static boolean isOwnMissingSymbol(Diagnostic<? extends JavaFileObject> diagnostic, Set<String> ownTypes) {
		if (!"compiler.err.cant.resolve.location".equals(diagnostic.getCode())
				&& !"compiler.err.cant.resolve.location.args".equals(diagnostic.getCode())) {
			return false;
		}
		Matcher location = LOCATION.matcher(diagnostic.getMessage(Locale.ROOT));
		if (!location.find()) {
			return false;
		}
		String type = location.group(1).replaceAll("<.*", "");
		return ownTypes.contains(type.substring(type.lastIndexOf('.') + 1));
	}

	private static Set<String> declaredTypes(String source) {
		Matcher matcher = DECLARED_TYPE.matcher(source);
		Set<String> names = new HashSet<>();
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static String describe(Block block, Diagnostic<? extends JavaFileObject> diagnostic) {
		// Line 1 of a complete unit is the README line after ```java; a fragment starts on line 3 of its wrapper.
		long offset = block.complete() ? 1 : 3;
		long readmeLine = block.line() + diagnostic.getLineNumber() - offset + 1;
		return "README.md:" + readmeLine + ": " + diagnostic.getMessage(Locale.ROOT);
	}

	static List<Block> blocks(List<String> lines) {
		List<Block> blocks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (JAVA_BLOCK_START.matcher(lines.get(i)).matches()) {
				int start = i;
				List<String> code = new ArrayList<>();
				for (i = i + 1; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
					code.add(lines.get(i));
				}
				String text = code.stream().collect(Collectors.joining("\n"));
				blocks.add(new Block(start + 1, text, COMPLETE_UNIT.matcher(text).find()));
			}
		}
		return blocks;
	}

	/**
	 * A {@code ```java} block.
	 *
	 * @param line the README line of its opening fence (1-based)
	 * @param code the code between the fences
	 * @param complete whether it is a complete compilation unit
	 */
	record Block(int line, String code, boolean complete) {
	}

	private static final class Source extends SimpleJavaFileObject {

		private final String code;

		Source(String name, String code) {
			super(URI.create("string:///" + name + ".java"), Kind.SOURCE);
			this.code = code;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.code;
		}

	}

}
