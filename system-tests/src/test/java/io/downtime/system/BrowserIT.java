package io.downtime.system;

import io.downtime.stub.SystemTool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web UI in a real browser (Debian's Chromium, headless) against the four running services: the fleet, an
 * instance, a training run followed to its end, a what-if prediction. Each step saves a screenshot under
 * {@code target/screenshots/}.
 */
class BrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("user.dir"), "target", "screenshots");

    private static RunningSystem system;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = SystemTool.require("chromium", "chromium");
        Path driver = SystemTool.require("chromedriver", "chromium-driver");
        system = RunningSystem.start();
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--window-size=1400,1000",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (system != null) {
            system.close();
        }
    }

    private static void screenshot(String name) throws Exception {
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    @Test
    void anOperatorFollowsTheFleetIntoAnInstanceTrainsAModelAndAsksWhatIf() throws Exception {
        browser.get(system.web.url() + "/");
        List<WebElement> rows = browser.findElements(By.cssSelector("#fleet tbody tr"));
        assertEquals(20, rows.size(), "every simulated server is listed");
        assertTrue(browser.findElements(By.cssSelector("#fleet svg.sparkline")).size() >= 20);
        screenshot("1-fleet");

        WebElement first = browser.findElement(By.cssSelector("#fleet tbody tr th a"));
        String instance = first.getText();
        first.click();
        waitUpTo(10).until(ExpectedConditions.titleContains(instance));
        assertTrue(browser.findElement(By.id("now")).isDisplayed());
        assertTrue(browser.findElements(By.cssSelector("figure svg.chart")).size() >= 9, "a chart per signal");
        assertTrue(browser.findElements(By.cssSelector("figure svg.chart text")).stream()
                .anyMatch(label -> label.getText().endsWith("UTC")), "every time chart has a time axis");
        screenshot("2-instance");

        browser.get(system.web.url() + "/train");
        browser.findElement(By.cssSelector("form[action='/train'] button")).click();
        waitUpTo(120).until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "succeeded"));
        assertEquals("100", browser.findElement(By.id("progress")).getAttribute("value"));
        assertTrue(browser.findElement(By.id("result")).getText().startsWith("Model 000002"));
        screenshot("3-training-done");
        browser.findElement(By.linkText("Compare it with the champion")).click();
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("details-000002")));
        assertTrue(browser.findElement(By.id("details-000001")).isDisplayed(), "the champion's figures are next to it");
        screenshot("4-compare");
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(system.web.url() + "/models");
        long page = ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth")).longValue();
        long window = ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.clientWidth")).longValue();
        assertTrue(page <= window, "the Models page fits 1280 px: " + page + " px wide in a " + window + " px window");
        assertTrue(browser.findElements(By.cssSelector("#models time")).stream()
                .allMatch(time -> time.getText().endsWith("ago") || time.getText().equals("just now")),
                "creation times say how long ago");
        screenshot("4b-models-1280");
        browser.manage().window().setSize(new Dimension(1400, 1000));

        browser.get(system.web.url() + "/predict");
        new Select(browser.findElement(By.id("instance-pick"))).selectByVisibleText(instance);
        browser.findElement(By.cssSelector("form.filters button")).click();
        WebElement field = waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#what-if input[name^='f.']")));
        field.clear();
        field.sendKeys("0");
        browser.findElement(By.cssSelector("#what-if button")).click();
        // The answer replaces the page (or the previous result), so an element found early can go stale: look it up
        // again until it shows a probability.
        String probability = waitUpTo(10).ignoring(StaleElementReferenceException.class).until(d -> {
            String text = d.findElement(By.cssSelector("#result .probability")).getText();
            return text.endsWith("%") ? text : null;
        });
        assertTrue(probability.endsWith("%"), probability);
        assertTrue(browser.findElements(By.cssSelector("#result svg.bars rect")).size() >= 1);
        screenshot("5-what-if");
    }
}
