package org.opendso.agenda.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.agenda.Agenda;
import org.opendso.agenda.PlannedAction;
import org.opendso.qualification.ui.QualificationDialog;
import org.opendso.template.Hashtag;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** The email composer opened from the agenda, and the "to confirm" list; browserless, on the demo company. */
class EmailComposerViewIT extends ViewTestSupport {

    @Autowired Agenda agenda;
    @Autowired DatabaseClient db;

    /** A demo account of the collector, overdue by 20 days, on a one-step email scenario of that mode. */
    long account(String ref, String mode) {
        long scenario = db.sql("insert into scenario (tenant_id, name) values (1, :n) returning id")
                .bind("n", "Composer " + ref).map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("""
                insert into scenario_step (tenant_id, scenario_id, position, offset_days, kind, template_code, mode, label)
                values (1, :s, 0, 5, 'EMAIL', 'FIRST_REMINDER', :mode, 'Reminder')""")
                .bind("s", scenario).bind("mode", mode).then().block();
        long c = db.sql("""
                        insert into customer (tenant_id, account, name, scenario_id, language)
                        values (1, :a, :n, :s, 'en') returning id""")
                .bind("a", ref).bind("n", "Client " + ref).bind("s", scenario)
                .map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("""
                insert into customer_assignment (tenant_id, customer_id, user_id, role)
                select 1, :c, id, 'COLLECTOR' from app_user where login = 'collector'""").bind("c", c).then().block();
        db.sql("""
                insert into contact (tenant_id, customer_id, name, role, email, phone, collection_contact)
                values (1, :c, 'Zoe Payer', '', :e, '', true)""").bind("c", c).bind("e", ref.toLowerCase() + "@payer.example")
                .then().block();
        LocalDate due = agenda.today().minusDays(20);
        db.sql("""
                insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency)
                values (1, :c, 'INVOICE', :n, :d, :d, 640, 640, 'EUR')""")
                .bind("c", c).bind("n", ref + "-1").bind("d", due).then().block();
        agenda.regenerate(1, List.of(c)).block();
        return c;
    }

    long mails(long customer) {
        return db.sql("select count(*) as n from mail_outbox where customer_id = :c").bind("c", customer)
                .map((r, m) -> r.get("n", Long.class)).one().block();
    }

    @Test
    void theCollectorWritesTheEmailOfAnAgendaActionPreviewsItSendsItAndIsOfferedTheQualification() {
        long c = account("ECV-1", "MANUAL");
        login("collector");
        AgendaView view = navigate(AgendaView.class);
        view.customer.setValue("ECV-1");
        PlannedAction row = view.rows().getFirst();
        assertThat(row.kind()).isEqualTo("EMAIL");
        // the row's "Write" button opens the composer
        var grid = test(view.grid);
        Button write = (Button) grid.getCellComponent(0, "actions").getChildren().findFirst().orElseThrow();
        assertThat(write.getText()).isEqualTo("Write");
        test(write).click();
        EmailComposer composer = $(EmailComposer.class).single();
        assertThat(composer.to.getValue()).isEqualTo("ecv-1@payer.example");
        assertThat(composer.subject.getValue()).isEqualTo("Payment reminder - account #CustomerAccount");
        assertThat(composer.preview.subject.getText()).isEqualTo("Payment reminder - account ECV-1");
        assertThat(composer.preview.body.getSrcdoc().orElse("")).contains("Dear Zoe Payer", "ECV-1-1");

        // a misspelt hashtag: the preview and Send say where it is, nothing is sent
        test(composer.body).setValue("<p>Dear #ContactName,</p>\n<p>Please pay #Balanse.</p>");
        assertThat(composer.preview.problem.getText()).contains("#Balanse", "line 2");
        test(composer.send).click();
        assertThat(composer.error.getText()).contains("#Balanse", "line 2", "column 15");
        assertThat($(EmailComposer.class).exists()).isTrue();
        assertThat(mails(c)).isZero();

        // the picker writes at the cursor
        test(composer.body).setValue("<p>Dear #ContactName,</p>\n<p>Please pay .</p>");
        composer.hashtag.cursorAt("<p>Dear #ContactName,</p>\n<p>Please pay".length());
        composer.hashtag.insert(Hashtag.CUSTOMER_NAME);
        assertThat(composer.body.getValue()).isEqualTo("<p>Dear #ContactName,</p>\n<p>Please pay #CustomerName .</p>");
        assertThat(composer.preview.problem.getText()).isEmpty();
        assertThat(composer.preview.body.getSrcdoc().orElse("")).contains("Please pay Client ECV-1 .")
                .doesNotContain("#CustomerName");

        // "To" emptied: said so, not sent to the step's recipients
        test(composer.to).setValue("");
        test(composer.send).click();
        assertThat(composer.error.getText()).isEqualTo("Give at least one recipient");
        assertThat(mails(c)).isZero();

        test(composer.to).setValue("zoe@payer.example, accounts@payer.example");
        test(composer.send).click();
        assertThat(notifications()).anyMatch(n -> n.startsWith("Email sent to zoe@payer.example, accounts@payer.example"));
        assertThat(mails(c)).isEqualTo(2);
        assertThat(composer.sent().action().state()).isEqualTo("DONE");
        assertThat(view.rows()).isEmpty();
        assertThat(composer.send.isVisible()).isFalse();
        test(composer.qualify).click();
        assertThat($(EmailComposer.class).exists()).isFalse();
        assertThat($(QualificationDialog.class).exists()).isTrue();
    }

    @Test
    void theEmailsToConfirmAreSentInOneClickOrOpenedFirst() {
        long one = account("ECV-2", "AUTO_WITH_CONFIRMATION");
        long two = account("ECV-3", "AUTO_WITH_CONFIRMATION");
        login("collector");
        ToConfirmView view = navigate(ToConfirmView.class);
        List<PlannedAction> mine = view.rows().stream()
                .filter(a -> a.account().equals("ECV-2") || a.account().equals("ECV-3")).toList();
        assertThat(mine).hasSize(2).allSatisfy(a -> assertThat(a.state()).isEqualTo("TO_CONFIRM"));

        EmailComposer composer = view.open(mine.stream().filter(a -> a.account().equals("ECV-2")).findFirst().orElseThrow());
        roundTrip();
        test(composer.subject).setValue("Our reminder for #CustomerName");
        test(composer.send).click();
        assertThat(mails(one)).isOne();
        assertThat(view.rows()).extracting(PlannedAction::account).doesNotContain("ECV-2").contains("ECV-3");
        composer.close();

        view.grid.select(view.rows().stream().filter(a -> a.account().equals("ECV-3")).findFirst().orElseThrow());
        assertThat(view.sendSelected.isEnabled()).isTrue();
        test(view.sendSelected).click();
        assertThat(notifications()).anyMatch(n -> n.contains("email(s) sent"));
        assertThat(mails(two)).isOne();
        assertThat(view.rows()).extracting(PlannedAction::account).doesNotContain("ECV-2", "ECV-3");
    }
}
