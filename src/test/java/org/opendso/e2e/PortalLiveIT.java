package org.opendso.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
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
 * The interactive email, end to end in real Chromium: a collector sends an email with #PortalLink from the agenda
 * (GreenMail receives it); the customer follows the link in a browser context of their own, comments on one invoice
 * and promises to pay another; the collector's open customer sheet shows both within 2 s without reload; the
 * collector validates the promise and the customer's page shows it accepted, live. On the way, a portal request
 * whose Vaadin CSRF token was forged is refused. Screenshots in target/e2e/.
 */
@IntegrationTest
class PortalLiveIT {

    static final GreenMail smtp = TestSmtp.started();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        TestSmtp.register(properties, smtp, "collections@demo.opendso.org", "500ms");
    }

    private static HeadlessChromium chromium;

    @LocalServerPort int port;
    @Autowired DatabaseClient db;
    @Autowired Agenda agenda;

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
    void anInteractiveEmailLetsTheCustomerAnswerAndTheCollectorSeesAndDecidesLive() {
        String account = "E2E-PORTAL-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String address = account.toLowerCase() + "@payer.example";
        long customer = accountWithEmailAction(account, address);
        String base = "http://localhost:" + port;
        Page collector = chromium.newPage();
        Page customerPage = chromium.newPage();
        Page forger = chromium.newPage();
        try {
            logIn(collector, base, "collector");
            // 1. the collector writes the agenda's email with a portal link and sends it
            collector.navigate(base + "/agenda");
            collector.locator("#agenda-customer input").fill(account);
            collector.locator("#agenda-customer input").press("Enter");
            assertThat(collector.locator("#agenda-grid vaadin-grid-cell-content")
                    .filter(new Locator.FilterOptions().setHasText(account)).first()).isVisible();
            collector.waitForFunction("g => !g.loading && g.size === 1", collector.locator("#agenda-grid").elementHandle());
            Locator write = collector.locator("#agenda-grid vaadin-button.agenda-write:visible");
            for (int attempt = 0; attempt < 3 && !collector.locator("#email-to").isVisible(); attempt++) {
                write.click();
                try {
                    collector.locator("#email-to").waitFor(new Locator.WaitForOptions().setTimeout(5_000));
                } catch (com.microsoft.playwright.TimeoutError notYet) {
                    // next attempt
                }
            }
            collector.locator("#email-body textarea").fill(
                    "<p>Dear #ContactName,</p>\n<p>Your statement and a reply form: #PortalLink</p>");
            assertThat(collector.locator("#email-preview")).hasAttribute("srcdoc",
                    Pattern.compile("personal portal link, created when the email is sent"));
            HeadlessChromium.screenshot(collector, "60-portal-email-composer");
            collector.locator("#email-send").dispatchEvent("click");
            assertThat(collector.locator("#email-qualify")).isVisible();

            await().atMost(Duration.ofSeconds(15)).until(() -> received(address).size() == 1);
            MimeMessage mail = received(address).getFirst();
            Matcher link = Pattern.compile("http://localhost:8080(/portal/[A-Za-z0-9_-]{43})")
                    .matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
            assertThat(link.find()).as("portal link in the mail").isTrue();
            String portalPath = link.group(1);

            // 2. the collector keeps the account's sheet open on its Portal tab
            collector.keyboard().press("Escape");
            collector.navigate(base + "/customers/" + account);
            collector.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText("Portal")).click();
            assertThat(collector.locator(".portal-submissions")).containsText("No message from the customer yet");

            // 3. the customer opens the link in a browser of their own
            customerPage.navigate(base + portalPath);
            assertThat(customerPage.locator("#portal-statement")).containsText(account + "-1");
            assertThat(customerPage.locator("#portal-statement")).containsText(account + "-2");
            assertThat(customerPage.locator(".portal-company")).hasText("Demo Industries");
            HeadlessChromium.screenshot(customerPage, "61-portal-statement");

            // a forged CSRF token: Vaadin refuses the request and nothing is saved
            forger.navigate(base + portalPath);
            forger.locator("#portal-reply-" + account + "-1").click();
            forger.locator("#portal-comment textarea").fill("forged");
            forger.route("**/*v-r=uidl*", route -> route.resume(new com.microsoft.playwright.Route.ResumeOptions()
                    .setPostData(route.request().postData().replaceAll("\"csrfToken\":\"[^\"]*\"",
                            "\"csrfToken\":\"00000000-0000-0000-0000-000000000000\""))));
            Response refused = forger.waitForResponse(r -> r.url().contains("v-r=uidl"),
                    () -> forger.locator("#portal-send").click());
            assertThat(refused).isNotNull();
            assertThat(submissions(customer)).isZero();

            // 4. a comment on the first invoice, then a promise on the second
            customerPage.locator("#portal-reply-" + account + "-1").click();
            customerPage.locator("#portal-comment textarea").fill("The delivery note is missing <b>page 2</b>");
            long commented = System.nanoTime();
            customerPage.locator("#portal-send").click();
            assertThat(customerPage.locator(".portal-message")).hasCount(1);
            LocatorAssertions.HasCountOptions twoSeconds = new LocatorAssertions.HasCountOptions().setTimeout(2_000);
            assertThat(collector.locator(".portal-submission")).hasCount(1, twoSeconds);
            long commentMillis = (System.nanoTime() - commented) / 1_000_000;

            customerPage.locator("#portal-reply-" + account + "-2").click();
            customerPage.locator("#portal-kind vaadin-radio-button").filter(
                    new Locator.FilterOptions().setHasText("I will pay on a date")).click();
            LocalDate promised = LocalDate.now().plusDays(9);
            Locator date = customerPage.locator("#portal-date input");
            date.fill(promised.getMonthValue() + "/" + promised.getDayOfMonth() + "/" + promised.getYear());
            date.press("Enter");
            customerPage.locator("#portal-comment textarea").fill("Paid with the next run");
            long promisedAt = System.nanoTime();
            customerPage.locator("#portal-send").click();
            assertThat(customerPage.locator(".portal-message")).hasCount(2);
            assertThat(collector.locator(".portal-submission")).hasCount(2, twoSeconds);
            long promiseMillis = (System.nanoTime() - promisedAt) / 1_000_000;
            assertThat(collector.locator(".portal-submissions")).containsText("The delivery note is missing <b>page 2</b>");
            assertThat(collector.locator(".portal-received").first()).isAttached();
            HeadlessChromium.screenshot(collector, "62-portal-sheet-live");
            HeadlessChromium.screenshot(customerPage, "63-portal-messages-pending");
            assertThat(commentMillis).as("comment to the collector's sheet, ms").isLessThan(2_000);
            assertThat(promiseMillis).as("promise to the collector's sheet, ms").isLessThan(2_000);

            // 5. the collector validates the promise; the customer's page shows it accepted without reload
            Locator promise = collector.locator(".portal-submission").filter(
                    new Locator.FilterOptions().setHasText("Promise to pay"));
            promise.locator(".portal-submission-validate").click();
            collector.locator("#portal-decision-text textarea").fill("Thank you, noted.");
            collector.locator("#portal-decision-confirm").click();
            assertThat(collector.locator(".portal-submission.state-VALIDATED")).hasCount(1);
            assertThat(customerPage.locator(".portal-message.state-VALIDATED")).containsText("Thank you, noted.");
            assertThat(customerPage.locator("#portal-item-" + account + "-2 .portal-status"))
                    .containsText("Payment promised on");
            HeadlessChromium.screenshot(customerPage, "64-portal-promise-accepted");
            HeadlessChromium.screenshot(collector, "65-portal-sheet-validated");
            System.out.printf("Portal journey: comment → collector's sheet %d ms, promise → sheet %d ms%n",
                    commentMillis, promiseMillis);
        } catch (AssertionError | RuntimeException e) {
            HeadlessChromium.screenshot(collector, "96-portal-failure-collector");
            HeadlessChromium.screenshot(customerPage, "97-portal-failure-customer");
            throw e;
        }
    }

    /** A demo account of the collector with two invoices, its contact, and its email action waiting. */
    private long accountWithEmailAction(String account, String address) {
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
        for (int i = 1; i <= 2; i++) {
            db.sql("""
                    insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency)
                    values (1, :c, 'INVOICE', :n, :d, :d, :a, :a, 'EUR')""")
                    .bind("c", c).bind("n", account + "-" + i).bind("d", due.plusDays(i)).bind("a", 400 * i)
                    .then().block();
        }
        agenda.regenerate(1, List.of(c)).block();
        return c;
    }

    private long submissions(long customer) {
        return db.sql("select count(*) as n from portal_submission where customer_id = :c").bind("c", customer)
                .map((r, m) -> r.get("n", Long.class)).one().block();
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
