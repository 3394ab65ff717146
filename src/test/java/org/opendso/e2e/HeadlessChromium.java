package org.opendso.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The system's Chromium ({@code /usr/bin/chromium}, from Debian's package; {@code .ci/run} installs it)
 * driven by Playwright for Java. Playwright's bundled driver is used as is and never downloads a browser.
 * Screenshots go to {@code target/e2e/}.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path EXECUTABLE = Paths.get(System.getProperty("opendso.e2e.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Paths.get("target", "e2e");

    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-quic", "--no-first-run", "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    static HeadlessChromium launch() {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(ARGS));
            return new HeadlessChromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A page in a context of its own (own cookies, so own session), 1280×800, English. */
    Page newPage() {
        Page page = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(1280, 800)
                        .setLocale("en-US"))
                .newPage();
        page.setDefaultTimeout(30_000);
        page.setDefaultNavigationTimeout(60_000);
        return page;
    }

    static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
