package org.opendso.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.agenda.Agenda;
import org.opendso.mail.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A collector carries out an email action in a real browser: agenda → Write → preview → Send; the mail arrives at
 * the SMTP server (GreenMail on a free port, for this class only) and the administrator, on the account's history
 * in a second browser, sees the email queued and the action done within a few seconds, without reload.
 * Screenshots in target/e2e/.
 */
@IntegrationTest
class EmailActionLiveIT {

    static final GreenMail smtp = TestSmtp.started();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        TestSmtp.register(properties, smtp, "collections@demo.opendso.org", "500ms");
    }

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
        smtp.stop();
    }

    @Test
    void theCollectorSendsTheEmailOfAnActionAndTheAdministratorSeesItLive() throws Exception {
        String account = "E2E-MAIL-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String address = account.toLowerCase() + "@payer.example";
        long customer = emailActionFor(account, address);
        String base = "http://localhost:" + port;
        Page collector = chromium.newPage();
        Page admin = chromium.newPage();
        try {
            logIn(collector, base, "collector");
            logIn(admin, base, "admin");

            // the administrator watches the account's history
            admin.navigate(base + "/customers/" + account);
            admin.waitForURL(Pattern.compile(".*/customers/" + account + "$"));
            admin.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText("History")).click();
            Locator history = admin.locator(".account-history vaadin-grid");
            assertThat(history).isVisible();

            // the collector finds the action in the agenda and writes it
            collector.navigate(base + "/agenda");
            collector.locator("#agenda-customer input").fill(account);
            collector.locator("#agenda-customer input").press("Enter");
            // the filter applies after a short pause: wait for the grid to show only this account
            assertThat(collector.locator("#agenda-grid vaadin-grid-cell-content")
                    .filter(new Locator.FilterOptions().setHasText(account)).first()).isVisible();
            collector.waitForFunction("g => !g.loading && g.size === 1", collector.locator("#agenda-grid").elementHandle());
            // the grid keeps the cells of rows it no longer shows (hidden, for reuse): only the visible button counts
            Locator write = collector.locator("#agenda-grid vaadin-button.agenda-write:visible");
            assertThat(write).hasCount(1);
            HeadlessChromium.screenshot(collector, "20-email-agenda");
            // the grid may still be redrawing its row (a new button replacing the one clicked): click again then
            for (int attempt = 0; attempt < 3 && !collector.locator("#email-to").isVisible(); attempt++) {
                write.click();
                try {
                    collector.locator("#email-to").waitFor(new Locator.WaitForOptions().setTimeout(5_000));
                } catch (com.microsoft.playwright.TimeoutError notYet) {
                    // next attempt
                }
            }
            assertThat(collector.locator("#email-to input")).hasValue(address);
            assertThat(collector.locator("#email-subject input")).hasValue("Payment reminder - account #CustomerAccount");
            Locator preview = collector.locator("#email-preview");
            assertThat(preview).hasAttribute("srcdoc", Pattern.compile("Dear Zoe Payer"));

            // an edit shows in the preview, rendered for the account
            Locator body = collector.locator("#email-body textarea");
            body.fill("<p>Dear #ContactName,</p>\n<p>Account #CustomerAccount: please call us.</p>");
            assertThat(preview).hasAttribute("srcdoc", Pattern.compile("Account " + account + ": please call us"));
            // the picker writes the hashtag where the cursor is: after "please call us"
            String text = "<p>Dear #ContactName,</p>\n<p>Account #CustomerAccount: please call us";
            body.evaluate("(t, at) => { t.focus(); t.setSelectionRange(at, at); }", text.length());
            collector.locator(".hashtag-picker input").fill("#CollectorName");
            collector.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("#CollectorName"))
                    .first().click();
            assertThat(body).hasValue(text + " #CollectorName.</p>");
            assertThat(preview).hasAttribute("srcdoc", Pattern.compile("please call us Colin Collector\\."));
            HeadlessChromium.screenshot(collector, "21-email-composer-preview");

            long clicked = System.nanoTime();
            // in development mode Vaadin's dev-tools button sits over the dialog's bottom-right corner, where Send is
            collector.locator("#email-send").dispatchEvent("click");
            assertThat(collector.locator("vaadin-notification-card").filter(
                    new Locator.FilterOptions().setHasText("Email sent to " + address))).isVisible();
            assertThat(collector.locator("#email-qualify")).isVisible();
            HeadlessChromium.screenshot(collector, "22-email-sent");

            // the administrator's history shows the email and the action done, live
            LocatorAssertions.ContainsTextOptions fast = new LocatorAssertions.ContainsTextOptions().setTimeout(5_000);
            assertThat(history).containsText("Email to Zoe Payer", fast);
            assertThat(history).containsText("done", fast);
            long millis = (System.nanoTime() - clicked) / 1_000_000;
            HeadlessChromium.screenshot(admin, "23-email-history-live");
            assertThat(millis).as("send click to the other user's history, ms").isLessThan(5_000);

            // and the mail reached the SMTP server
            await().atMost(Duration.ofSeconds(10)).until(() -> received(address).size() == 1);
            MimeMessage mail = received(address).getFirst();
            assertThat(mail.getSubject()).isEqualTo("Payment reminder - account " + account);
            assertThat(GreenMailUtil.getBody(mail)).contains("please call us");
            assertThat(history).containsText("Email delivered to " + address, fast);
            assertThat(actionState(customer)).isEqualTo("DONE");
        } catch (AssertionError | RuntimeException e) {
            HeadlessChromium.screenshot(collector, "96-email-failure-collector");
            HeadlessChromium.screenshot(admin, "97-email-failure-admin");
            throw e;
        }
    }

    /** A demo account of the collector, 20 days overdue, with its contact and its email action waiting. */
    private long emailActionFor(String account, String address) {
        long scenario = db.sql("insert into scenario (tenant_id, name) values (1, :n) returning id")
                .bind("n", "E2E " + account).map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("""
                insert into scenario_step (tenant_id, scenario_id, position, offset_days, kind, template_code, mode, label)
                values (1, :s, 0, 5, 'EMAIL', 'FIRST_REMINDER', 'MANUAL', 'Reminder')""")
                .bind("s", scenario).then().block();
        long c = db.sql("""
                        insert into customer (tenant_id, account, name, scenario_id, language)
                        values (1, :a, :n, :s, 'en') returning id""")
                .bind("a", account).bind("n", "Client " + account).bind("s", scenario)
                .map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("""
                insert into customer_assignment (tenant_id, customer_id, user_id, role)
                select 1, :c, id, 'COLLECTOR' from app_user where login = 'collector'""").bind("c", c).then().block();
        db.sql("""
                insert into contact (tenant_id, customer_id, name, role, email, phone, collection_contact)
                values (1, :c, 'Zoe Payer', '', :e, '', true)""").bind("c", c).bind("e", address).then().block();
        LocalDate due = agenda.today().minusDays(20);
        db.sql("""
                insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency)
                values (1, :c, 'INVOICE', :n, :d, :d, 640, 640, 'EUR')""")
                .bind("c", c).bind("n", account + "-1").bind("d", due).then().block();
        agenda.regenerate(1, List.of(c)).block();
        return c;
    }

    private String actionState(long customer) {
        return db.sql("select state from collection_action where customer_id = :c order by id limit 1")
                .bind("c", customer).map((r, m) -> r.get("state", String.class)).one().block();
    }

    private static List<MimeMessage> received(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(to));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static void logIn(Page page, String base, String login) {
        page.navigate(base + "/login");
        Locator form = page.locator("vaadin-login-form");
        assertThat(form).isVisible();
        form.locator("input[name='username']").fill(login);
        form.locator("input[name='password']").fill("demo");
        form.locator("vaadin-button[slot='submit'], vaadin-button:has-text('Log in')").first().click();
        page.waitForURL(url -> !url.contains("/login"));
    }
}
