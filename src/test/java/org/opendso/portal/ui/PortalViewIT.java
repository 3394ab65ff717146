package org.opendso.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.TestTenants;
import org.opendso.customer.ui.CustomerSheetView;
import org.opendso.portal.NewSubmission;
import org.opendso.portal.Portal;
import org.opendso.portal.PortalFixture;
import org.opendso.portal.PortalLinks;
import org.opendso.portal.PortalMessage;
import org.opendso.portal.SubmissionDecision;
import org.opendso.portal.SubmissionKind;
import org.opendso.portal.SubmissionState;
import org.opendso.portal.Submissions;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The customer's portal page and the sheet's Portal tab, browserless on the whole application: what the customer
 * sees (and never sees), text shown as text, replies, and both sides following each other live.
 */
@Import({TestTenants.class, PortalFixture.class})
class PortalViewIT extends ViewTestSupport {

    static final String SCRIPT = "<img src=x onerror=alert(1)><script>alert('x')</script>";

    @Autowired TestTenants tenants;
    @Autowired PortalFixture fx;
    @Autowired PortalLinks links;
    @Autowired Portal portal;
    @Autowired Submissions submissions;

    TestTenants.Other t;
    long customer;
    long inv1;
    long inv2;
    String token;

    @BeforeEach
    void account() {
        t = tenants.create("pv-" + System.nanoTime());
        customer = fx.account(t, "PV-1");
        inv1 = fx.invoice(t.tenantId(), customer, "PV-INV-1", LocalDate.now().minusDays(20), "1200.00");
        inv2 = fx.invoice(t.tenantId(), customer, "PV-INV-2", LocalDate.now().plusDays(10), "300.00");
        fx.internal(t.tenantId(), inv1, fx.statusCode(t.tenantId(), "DISPUTE"), "INTERNAL note about the buyer",
                t.admin().userId());
        token = PortalFixture.token(links.create(t.collector(), customer, fx.contact(customer)).block());
    }

    PortalView openPortal(String token) {
        UI.getCurrent().navigate(PortalView.class, new RouteParameters("token", token));
        roundTrip();
        return (PortalView) getCurrentView();
    }

    @Test
    void theCustomerSeesTheirStatementInTheirWordsWithoutLoginAndNothingInternal() {
        PortalView view = openPortal(token);
        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("Statement of account – Customer PV-1 (PV-1)", "PV-INV-1", "PV-INV-2",
                "Under review", "Not yet due", "Your contact at Other pv-", t.collector().name());
        assertThat(text).doesNotContain("INTERNAL", t.admin().name(), "Price dispute", "Delivery dispute",
                "Secret Customer");
        assertThat(view.getPageTitle()).startsWith("Other pv-");
        // the customer switches the page to French
        test($(com.vaadin.flow.component.button.Button.class).id("portal-lang-fr")).click();
        assertThat(view.getElement().getTextRecursively()).contains("Relevé de compte – Customer PV-1", "En cours d’examen",
                "Non échue");
    }

    @Test
    void anAdministratorSetsTheLinkValidityInTheCompanySettings() {
        login(t.admin().login());
        UI.getCurrent().navigate(org.opendso.tenant.ui.CompanySettingsView.class);
        roundTrip();
        PortalSettingsPanel panel = $(PortalSettingsPanel.class).first();
        assertThat(panel.days.getValue()).isEqualTo(30);
        panel.days.setValue(0);
        panel.save();
        assertThat(links.linkDays(t.tenantId()).block()).isEqualTo(30);
        panel.days.setValue(12);
        panel.save();
        assertThat(links.linkDays(t.tenantId()).block()).isEqualTo(12);
    }

    @Test
    void aForgedTokenShowsOnlyTheInvalidPage() {
        PortalView view = openPortal("forged-" + System.nanoTime());
        assertThat(view.getChildren().toList()).singleElement()
                .satisfies(c -> assertThat(c.getId()).contains("portal-invalid"));
        assertThat(view.getElement().getTextRecursively()).contains("This link is no longer valid")
                .doesNotContain("Other pv-", "PV-1");
    }

    @Test
    void aReplyIsSentAndWhatTheCustomerTypedIsShownAsTextThenTheDecisionArrivesLive() {
        PortalView view = openPortal(token);
        PortalReplyDialog dialog = new PortalReplyDialog(portal, token, "view-test", view.page().items().get(1),
                sent -> view.reload());
        dialog.kind.setValue(SubmissionKind.PROMISE);
        dialog.date.setValue(LocalDate.now().minusDays(1));
        assertThat(dialog.send()).isNull();
        assertThat(dialog.date.isInvalid()).isTrue();
        dialog.date.setValue(LocalDate.now().plusDays(5));
        dialog.comment.setValue(SCRIPT);
        PortalMessage sent = dialog.send();
        assertThat(sent).isNotNull();
        Paragraph shown = texts(view).filter(p -> p.getText().equals(SCRIPT)).findFirst().orElseThrow();
        // a text node, not markup: no element was made of what the customer typed
        assertThat(shown.getElement().getChildCount()).isEqualTo(1);
        assertThat(shown.getElement().getChild(0).isTextNode()).isTrue();
        assertThat(view.getElement().getTextRecursively()).contains("Awaiting review");

        submissions.validate(t.collector(), sent.id(), new SubmissionDecision(0, null, "Noted, thank you")).block();
        waitUntil(() -> view.getElement().getTextRecursively().contains("Our answer: Noted, thank you"));
        assertThat(view.getElement().getTextRecursively()).contains("Accepted", "Payment promised on");
    }

    @Test
    void revokingTheLinkWhileThePageIsOpenTurnsItIntoTheInvalidPage() {
        PortalView view = openPortal(token);
        links.revoke(t.collector(), customer, links.of(t.collector(), customer).blockFirst().id()).block();
        waitUntil(() -> view.getElement().getTextRecursively().contains("This link is no longer valid"));
        assertThat(view.getElement().getTextRecursively()).doesNotContain("PV-INV-1");
    }

    @Test
    void theSheetsPortalTabShowsANewMessageLiveAsTextAndValidatesIt() {
        login(t.collector().login());
        UI.getCurrent().navigate(CustomerSheetView.class, new RouteParameters("account", "PV-1"));
        roundTrip();
        TabSheet tabs = $(TabSheet.class).first();
        Tab portalTab = $(Tab.class).all().stream().filter(tab -> "Portal".equals(tab.getLabel())).findFirst().orElseThrow();
        tabs.setSelectedTab(portalTab);
        roundTrip();
        PortalPanel panel = $(PortalPanel.class).first();
        assertThat(panel.submissionList.getElement().getTextRecursively()).contains("No message from the customer yet");

        PortalMessage sent = portal.submit(token, "view-test",
                new NewSubmission(SubmissionKind.COMMENT, List.of(inv1), null, SCRIPT)).block();
        waitUntil(() -> panel.submissionList.getElement().getTextRecursively().contains("Comment on PV-INV-1"));
        Paragraph shown = texts(panel).filter(p -> p.getText().equals(SCRIPT)).findFirst().orElseThrow();
        assertThat(shown.getElement().getChildCount()).isEqualTo(1);
        assertThat(shown.getElement().getChild(0).isTextNode()).isTrue();
        assertThat(notifications()).anySatisfy(n -> assertThat(n).contains("New message from Zoe Payer"));

        DecisionDialog decide = new DecisionDialog(submissions, null, t.collector(),
                submissions.one(t.collector(), sent.id()).block(), false, d -> panel.reloadSubmissions());
        decide.text.setValue("Not for this invoice");
        assertThat(decide.confirm().state()).isEqualTo(SubmissionState.REJECTED);
        waitUntil(() -> panel.submissionList.getElement().getTextRecursively().contains("Not accepted")
                || panel.submissionList.getElement().getTextRecursively().contains("Not for this invoice"));

        assertThat(panel.createLink().url()).startsWith("http://localhost:8080/portal/");
        assertThat(panel.created.getValue()).startsWith("http://localhost:8080/portal/");
    }

    private static Stream<Paragraph> texts(Component root) {
        return root.getChildren().flatMap(c -> Stream.concat(c instanceof Paragraph p ? Stream.of(p) : Stream.empty(),
                texts(c)));
    }

    private void waitUntil(BooleanSupplier condition) {
        VaadinSession session = VaadinSession.getCurrent();
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            return condition.getAsBoolean();
        });
    }
}
