package org.opendso.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.mail.LoggedMail;
import org.opendso.mail.MailContent;
import org.opendso.mail.MailOutbox;
import org.opendso.mail.OutgoingMail;
import org.opendso.realtime.Actor;
import org.opendso.security.Staff;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@IntegrationTest
@Import(TestTenants.class)
class MailLogViewIT extends ViewTestSupport {

    @Autowired MailOutbox outbox;
    @Autowired TransactionalOperator tx;
    @Autowired DatabaseClient db;
    @Autowired TestTenants tenants;

    private long queue(String login, String account, String subject, String body) {
        Staff by = tenants.demo(login);
        long customer = db.sql("select id from customer where tenant_id = 1 and account = :a").bind("a", account)
                .map((r, m) -> r.get("id", Long.class)).one().block();
        return outbox.queue(Actor.of(by), 1, customer, new OutgoingMail("payer@example.org", "Pat Payer", subject, body))
                .as(tx::transactional).block();
    }

    @Test
    void theGridShowsTheQueuedMailKeptWithoutSmtpAndItsBodyInASandbox() {
        String subject = "View " + UUID.randomUUID();
        String body = "<p>Items of <b>" + subject + "</b></p><script>alert('x')</script>";
        long id = queue("admin", "DEMO-001", subject, body);
        login("admin");
        MailLogView view = navigate(MailLogView.class);

        assertThat(view.keptNotice.isVisible()).isTrue();
        int row = rowOf(view, subject);
        assertThat(row).isNotNegative();
        var grid = test(view.grid);
        assertThat(grid.getRow(row).id()).isEqualTo(id);
        assertThat(grid.getCellText(row, grid.getColumnPosition("to"))).isEqualTo("Pat Payer <payer@example.org>");
        assertThat(grid.getCellText(row, grid.getColumnPosition("state"))).isEqualTo("Kept");
        assertThat(grid.getCellText(row, grid.getColumnPosition("account"))).isEqualTo("DEMO-001");

        grid.clickRow(row);
        MailDialog dialog = $(MailDialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo(subject);
        assertThat(dialog.body.getSrcdoc()).contains(body);
        assertThat(dialog.body.getSandbox()).hasValueSatisfying(s -> assertThat(s).containsExactly(IFrame.SandboxType.RESTRICT_ALL));
        // nothing to send it with: no "send again", even for an admin
        assertThat(dialog.retry.isVisible()).isFalse();
        test(dialog.close).click();
        assertThat($(MailDialog.class).exists()).isFalse();

        test(view.state).selectItem("Sent");
        assertThat(rowOf(view, subject)).isNegative();
        test(view.state).selectItem("Kept");
        assertThat(rowOf(view, subject)).isNotNegative();
    }

    @Test
    void theDialogOffersToSendAgainOnlyWhenItMayAndClosesOnceDone() {
        String subject = "Again " + UUID.randomUUID();
        long id = queue("admin", "DEMO-001", subject, "<p>x</p>");
        login("admin");
        MailLogView view = navigate(MailLogView.class);
        LoggedMail mail = test(view.grid).getRow(rowOf(view, subject));
        List<Long> asked = new ArrayList<>();
        MailDialog dialog = new MailDialog(new MailContent(mail, "<p>x</p>"), view::stateTag, m -> asked.add(m.id()));
        dialog.open();
        roundTrip();
        assertThat(dialog.retry.isVisible()).isTrue();
        test(dialog.retry).click();
        assertThat(asked).containsExactly(id);
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void aCollectorDoesNotSeeTheMailsOfCustomersNotVisibleToThem() {
        String tag = UUID.randomUUID().toString();
        queue("admin", "DEMO-005", "Not for the collector " + tag, "<p>x</p>");
        queue("admin", "DEMO-006", "For the collector " + tag, "<p>x</p>");
        login("collector");
        MailLogView view = navigate(MailLogView.class);
        assertThat(subjects(view)).contains("For the collector " + tag).doesNotContain("Not for the collector " + tag);
    }

    @Test
    void aMailQueuedElsewhereAppearsLive() {
        login("collector");
        MailLogView view = navigate(MailLogView.class);
        roundTrip();
        // what the page holds, without asking the mail log again (the grid tester would)
        int shown = view.grid.getDataCommunicator().getItemCount();
        String subject = "Live " + UUID.randomUUID();

        queue("admin", "DEMO-007", subject, "<p>live</p>");

        await().pollInSameThread().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            VaadinSession session = VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            return view.grid.getDataCommunicator().getItemCount() == shown + 1;
        });
        assertThat(rowOf(view, subject)).isZero();
    }

    private List<String> subjects(MailLogView view) {
        var grid = test(view.grid);
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            subjects.add(grid.getRow(i).subject());
        }
        return subjects;
    }

    private int rowOf(MailLogView view, String subject) {
        var grid = test(view.grid);
        int size = grid.size();
        for (int i = 0; i < size; i++) {
            LoggedMail mail = grid.getRow(i);
            if (mail.subject().equals(subject)) {
                return i;
            }
        }
        return -1;
    }
}
