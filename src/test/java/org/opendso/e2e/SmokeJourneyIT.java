package org.opendso.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The smoke journey of a collector in a real headless Chromium: open the app, get sent to the login page,
 * log in, see the customer list, open DEMO-001 and see its statement. Screenshots in target/e2e/.
 */
@IntegrationTest
class SmokeJourneyIT {

    private static final String ACCOUNT = "DEMO-001";

    private static HeadlessChromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @BeforeAll
    static void launch() {
        assumeTrue(HeadlessChromium.installed(), "no Chromium at " + HeadlessChromium.EXECUTABLE
                + " (apt-get install chromium); the end-to-end journey is skipped");
        chromium = HeadlessChromium.launch();
        // the first page of a Vaadin dev-mode server on a busy 2-core machine can take a while
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void collectorLogsInSeesCustomersAndOpensAStatement() {
        List<String> numbers = openItemNumbers(ACCOUNT);
        assertThat(numbers).as("demo data of " + ACCOUNT).isNotEmpty();
        String base = "http://localhost:" + port;
        Page page = chromium.newPage();
        try {
            journey(page, base, numbers);
        } catch (AssertionError | RuntimeException e) {
            HeadlessChromium.screenshot(page, "99-failure");
            throw e;
        }
    }

    private static void journey(Page page, String base, List<String> numbers) {
        page.navigate(base + "/");
        page.waitForURL(Pattern.compile(".*/login.*"));
        Locator form = page.locator("vaadin-login-form");
        assertThat(form).isVisible();
        HeadlessChromium.screenshot(page, "01-login");

        form.locator("input[name='username']").fill("collector");
        form.locator("input[name='password']").fill("demo");
        form.locator("vaadin-button[slot='submit'], vaadin-button:has-text('Log in')").first().click();
        page.waitForURL(url -> !url.contains("/login"));

        page.navigate(base + "/customers");
        Locator list = page.locator("vaadin-grid.customers-grid");
        assertThat(list).isVisible();
        Locator accountCell = scrollTo(list, ACCOUNT);
        assertThat(accountCell).isVisible();
        HeadlessChromium.screenshot(page, "02-customers");

        accountCell.click();
        page.waitForURL(Pattern.compile(".*/customers/" + ACCOUNT + "$"));
        assertThat(page.getByText(ACCOUNT).first()).isVisible();
        Locator statement = page.locator(".statement vaadin-grid").first();
        assertThat(statement).isVisible();
        Locator item = scrollTo(statement, numbers.getFirst());
        assertThat(item).isVisible();
        HeadlessChromium.screenshot(page, "03-customer-sheet");
    }

    /**
     * Vaadin grids render only the rows in view and fetch them from the server as they scroll: scroll through
     * the grid, a few rows at a time, until a cell shows the text.
     */
    private static Locator scrollTo(Locator grid, String text) {
        Locator cell = grid.locator("vaadin-grid-cell-content")
                .getByText(text, new Locator.GetByTextOptions().setExact(true));
        Page page = grid.page();
        page.waitForFunction("g => g.size > 0 && !g.loading", grid.elementHandle());
        int size = ((Number) grid.evaluate("g => g.size")).intValue();
        for (int index = 0; index < size; index += 5) {
            grid.evaluate("(g, i) => g.scrollToIndex(i)", index);
            page.waitForFunction("g => !g.loading", grid.elementHandle());
            try {
                cell.first().waitFor(new Locator.WaitForOptions().setTimeout(2_000));
                return cell.first();
            } catch (TimeoutError notInThisStretch) {
                // scroll on
            }
        }
        return cell.first(); // the caller's assertion reports it missing
    }

    private List<String> openItemNumbers(String account) {
        return db.sql("""
                        select i.number from open_item i join customer c on c.id = i.customer_id
                        where c.tenant_id = 1 and c.account = :account and i.closed_at is null
                        order by i.due_date, i.number""")
                .bind("account", account)
                .map((row, meta) -> row.get("number", String.class))
                .all().collectList().block();
    }
}
