package org.opendso.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A report chart really drawn in headless Chromium: ECharts loads from its WebJar and renders SVG inside
 * {@code .opendso-chart}; switching Lumo to dark redraws it with the dark theme's text colour. Screenshots in
 * target/e2e/.
 */
@IntegrationTest
class ReportChartJourneyIT {

    private static HeadlessChromium chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launch() {
        assumeTrue(HeadlessChromium.installed(), "no Chromium at " + HeadlessChromium.EXECUTABLE);
        chromium = HeadlessChromium.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theAgingChartDrawsAnSvgInLightAndDarkThemes() {
        Page page = chromium.newPage();
        try {
            String base = "http://localhost:" + port;
            page.navigate(base + "/login");
            Locator form = page.locator("vaadin-login-form");
            form.locator("input[name='username']").fill("admin");
            form.locator("input[name='password']").fill("demo");
            form.locator("vaadin-button[slot='submit'], vaadin-button:has-text('Log in')").first().click();
            page.waitForURL(url -> !url.contains("/login"));

            page.navigate(base + "/reports/aging");
            Locator svg = page.locator(".opendso-chart svg").first();
            assertThat(svg).isAttached();
            Locator label = page.locator(".opendso-chart svg text").first();
            assertThat(label).isAttached();
            HeadlessChromium.screenshot(page, "reports-aging-light");
            String light = (String) label.evaluate("t => t.getAttribute('fill') || getComputedStyle(t).fill");

            page.evaluate("() => document.documentElement.setAttribute('theme', 'dark')");
            page.waitForFunction("l => (document.querySelector('.opendso-chart svg text').getAttribute('fill') || '') !== l",
                    light);
            String dark = (String) page.locator(".opendso-chart svg text").first()
                    .evaluate("t => t.getAttribute('fill') || getComputedStyle(t).fill");
            HeadlessChromium.screenshot(page, "reports-aging-dark");
            assertThat(dark).isNotEqualTo(light);
            assertThat(page.url()).matches(Pattern.compile(".*/reports/aging$"));
        } catch (AssertionError | RuntimeException e) {
            HeadlessChromium.screenshot(page, "reports-99-failure");
            throw e;
        } finally {
            page.context().close();
        }
    }
}
