package io.interactor.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The chat page in a real browser (Debian's {@code chromium}, headless, driven through {@code chromedriver}) against
 * the application with its embedded mock: a typed message gets a reply that grows piece by piece, and the webhook
 * deliveries it caused appear in the second panel. Saves a screenshot as {@code target/chat-page.png}.
 * <p>
 * Skipped, with a message on the console, when chromium or chromedriver is not installed ({@code .ci/run} installs
 * both).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ChatPageBrowserTests {

	private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** Records every text the reply shows, from inside the page, so no growth step is missed by polling. */
	private static final String RECORD_REPLY_GROWTH = """
			window.replyTexts = [];
			new MutationObserver(() => {
			  const reply = document.querySelector('#messages .message.assistant');
			  if (reply && window.replyTexts[window.replyTexts.length - 1] !== reply.textContent) {
			    window.replyTexts.push(reply.textContent);
			  }
			}).observe(document.getElementById('messages'),
			    { childList: true, subtree: true, characterData: true });
			""";

	@LocalServerPort
	private int port;

	private Path userDataDir;

	private ChromeDriverService service;

	private WebDriver driver;

	@BeforeAll
	static void browserInstalled() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed) {
			System.out.println("ChatPageBrowserTests skipped: " + CHROMIUM + " and " + CHROMEDRIVER
					+ " are needed (Debian packages chromium and chromium-driver; .ci/run installs them)");
		}
		assumeTrue(installed, "chromium and chromium-driver are not installed");
	}

	@BeforeEach
	void startBrowser() throws IOException {
		this.userDataDir = Files.createTempDirectory("chat-page-chromium");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--user-data-dir=" + this.userDataDir);
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(this.service, options);
		this.driver.manage().timeouts().pageLoadTimeout(TIMEOUT).scriptTimeout(TIMEOUT);
		this.driver.manage().window().setSize(new Dimension(1280, 760));
	}

	@AfterEach
	void quitBrowser() {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			if (this.service != null) {
				this.service.stop();
			}
			FileSystemUtils.deleteRecursively(this.userDataDir.toFile());
		}
	}

	@Test
	void typedMessageGetsAStreamedReplyAndTheWebhookRowAppears() throws IOException {
		WebDriverWait wait = new WebDriverWait(this.driver, TIMEOUT);
		this.driver.get("http://localhost:" + this.port + "/");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assistant option")));
		this.driver.findElement(By.id("open-room")).click();
		WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("message")));
		((JavascriptExecutor) this.driver).executeScript(RECORD_REPLY_GROWTH);

		input.sendKeys("Hello from a real browser, please answer in several small pieces");
		this.driver.findElement(By.id("send")).click();

		WebElement reply = wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#messages .message.assistant[data-complete='true']")));
		String full = "You said: Hello from a real browser, please answer in several small pieces";
		assertThat(reply.getText()).isEqualTo(full);
		@SuppressWarnings("unchecked")
		List<String> texts = (List<String>) ((JavascriptExecutor) this.driver).executeScript("return window.replyTexts");
		List<Integer> lengths = texts.stream().map(String::length).toList();
		assertThat(lengths).as("the reply grew piece by piece: %s", lengths)
			.isSorted()
			.doesNotHaveDuplicates()
			.last()
			.isEqualTo(full.length());
		assertThat(lengths.stream().filter((length) -> length > 0 && length < full.length()))
			.as("intermediate lengths of the reply: %s", lengths)
			.hasSizeGreaterThanOrEqualTo(3);
		assertThat(texts).allSatisfy((text) -> assertThat(full).startsWith(text));

		// The mock delivered room.message.created for both messages to this application, which shows them live.
		wait.until((driver) -> driver.findElements(By.cssSelector("#deliveries tr"))
			.stream()
			.filter((row) -> row.getText().contains("room.message.created") && row.getText().contains("processed"))
			.count() >= 2);

		Path screenshot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.createDirectories(Paths.get("target"));
		Files.copy(screenshot, Paths.get("target", "chat-page.png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
