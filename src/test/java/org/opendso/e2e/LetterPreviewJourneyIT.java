package org.opendso.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.agenda.Agenda;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A collector opens a letter from the agenda in a real headless Chromium: the dialog's preview frame is served as
 * an inline PDF by the session that opened it. Screenshots in target/e2e/.
 */
@IntegrationTest
class LetterPreviewJourneyIT {

    private static HeadlessChromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Autowired
    Agenda agenda;

    @BeforeAll
    static void launch() {
        assumeTrue(HeadlessChromium.installed(), "no Chromium at " + HeadlessChromium.EXECUTABLE
                + " (apt-get install chromium); the end-to-end journey is skipped");
        chromium = HeadlessChromium.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** A customer of the collector whose only step, a letter, is 5 days late. */
    String letterAccount() {
        String account = "LPJ-" + System.nanoTime() % 1_000_000;
        long scenario = db.sql("insert into scenario (tenant_id, name) values (1, :n) returning id")
                .bind("n", "Journey " + account).map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("""
                insert into scenario_step (tenant_id, scenario_id, position, offset_days, kind, label)
                values (1, :s, 0, 20, 'LETTER', 'Formal notice')""").bind("s", scenario).then().block();
        long c = db.sql("""
                        insert into customer (tenant_id, account, name, scenario_id, address, postal_code, city)
                        values (1, :a, :n, :s, '1 rue du Test', '59000', 'Lille') returning id""")
                .bind("a", account).bind("n", "Journey " + account).bind("s", scenario)
                .map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("""
                insert into customer_assignment (tenant_id, customer_id, user_id, role)
                select 1, :c, id, 'COLLECTOR' from app_user where login = 'collector'""").bind("c", c).then().block();
        db.sql("""
                insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency)
                values (1, :c, 'INVOICE', :n, :d, :d, 410, 410, 'EUR')""")
                .bind("c", c).bind("n", account + "-1").bind("d", agenda.today().minusDays(25)).then().block();
        agenda.regenerate(1, List.of(c)).block();
        return account;
    }

    @Test
    void theLetterDialogPreviewsThePdf() {
        String account = letterAccount();
        String base = "http://localhost:" + port;
        Page page = chromium.newPage();
        try {
            page.navigate(base + "/login");
            Locator form = page.locator("vaadin-login-form");
            form.locator("input[name='username']").fill("collector");
            form.locator("input[name='password']").fill("demo");
            form.locator("vaadin-button[slot='submit'], vaadin-button:has-text('Log in')").first().click();
            page.waitForURL(url -> !url.contains("/login"));

            page.navigate(base + "/agenda");
            page.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHasText("Customer"))
                    .locator("input").fill(account);
            // the filtered grid holds the one row (the demo agenda has letters of its own); the filter refreshes
            // the grid, which renders its row buttons anew: click once it has settled, and again if that click
            // landed on a button being replaced
            Locator grid = page.locator("#agenda-grid");
            Locator frame = page.locator("iframe[title='Preview of the letter']");
            for (int attempt = 0; attempt < 3 && frame.count() == 0; attempt++) {
                // the grid keeps hidden rows of what it showed before the filter: count rows, click a visible button
                page.waitForFunction("g => g.size === 1 && !g.loading", grid.elementHandle());
                page.locator("vaadin-button:visible").filter(new Locator.FilterOptions().setHasText("Letter…"))
                        .first().click();
                try {
                    frame.waitFor(new Locator.WaitForOptions().setTimeout(10_000));
                } catch (com.microsoft.playwright.TimeoutError notYet) {
                    // click again
                }
            }
            assertThat(frame).isVisible();
            String src = frame.getAttribute("src");
            assertThat(src).isNotBlank();
            HeadlessChromium.screenshot(page, "letter-preview");
            APIResponse pdf = page.request().get(src.startsWith("http") ? src : base + "/" + src.replaceFirst("^/", ""));
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
            assertThat(pdf.headers().getOrDefault("content-disposition", "")).startsWith("inline");
            // a frame of the app's own page: X-Frame-Options DENY would show "refused to connect" instead
            assertThat(pdf.headers().getOrDefault("x-frame-options", "SAMEORIGIN")).isEqualToIgnoringCase("SAMEORIGIN");
            assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
            assertThat(page.getByText("Mark sent (posted)")).isVisible();
            assertThat(page).hasURL(Pattern.compile(".*/agenda$"));
        } catch (AssertionError | RuntimeException e) {
            HeadlessChromium.screenshot(page, "99-letter-failure");
            throw e;
        } finally {
            page.context().close();
        }
    }
}
