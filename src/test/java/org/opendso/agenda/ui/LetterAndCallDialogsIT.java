package org.opendso.agenda.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.opendso.agenda.Agenda;
import org.opendso.agenda.CallOutcome;
import org.opendso.agenda.PlannedAction;
import org.opendso.qualification.ui.QualificationDialog;
import org.opendso.ui.UiLocale;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** The letter and call dialogs opened from the agenda's rows, on the demo company, as the collector. */
class LetterAndCallDialogsIT extends ViewTestSupport {

    @Autowired
    Agenda agenda;

    @Autowired
    DatabaseClient db;

    /** A customer of the collector whose only scenario step (at +20, 5 days late) is of this kind. */
    String account(String kind) {
        String account = "LCD-" + kind.charAt(0) + System.nanoTime() % 1_000_000;
        long scenario = db.sql("insert into scenario (tenant_id, name) values (1, :n) returning id")
                .bind("n", "Dialogs " + account).map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("""
                insert into scenario_step (tenant_id, scenario_id, position, offset_days, kind, label)
                values (1, :s, 0, 20, :k, 'Only step')""").bind("s", scenario).bind("k", kind).then().block();
        long c = db.sql("""
                        insert into customer (tenant_id, account, name, scenario_id, address, postal_code, city, phone,
                                              email, language)
                        values (1, :a, :n, :s, '8 quai des Brumes', '33000', 'Bordeaux', '+33 5 55 55 55 55',
                                'compta@brumes.example', 'fr') returning id""")
                .bind("a", account).bind("n", "Brumes " + account).bind("s", scenario)
                .map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("""
                insert into customer_assignment (tenant_id, customer_id, user_id, role)
                select 1, :c, id, 'COLLECTOR' from app_user where login = 'collector'""").bind("c", c).then().block();
        db.sql("""
                insert into contact (tenant_id, customer_id, name, role, email, phone, collection_contact)
                values (1, :c, 'Paul Brume', 'Trésorier', 'paul@brumes.example', '+33 6 12 34 56 78', true)""")
                .bind("c", c).then().block();
        db.sql("""
                insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency)
                values (1, :c, 'INVOICE', :n, :d, :d, 980.40, 980.40, 'EUR')""")
                .bind("c", c).bind("n", account + "-1").bind("d", agenda.today().minusDays(25)).then().block();
        agenda.regenerate(1, List.of(c)).block();
        return account;
    }

    AgendaView agendaOf(String account) {
        AgendaView view = navigate(AgendaView.class);
        view.customer.setValue(account);
        return view;
    }

    String state(long actionId) {
        return db.sql("select state from collection_action where id = :i").bind("i", actionId)
                .map((r, m) -> r.get("state", String.class)).one().block();
    }

    @Test
    void theLetterPreviewsAsPdfAndIsMarkedSentFromTheAgenda() throws IOException {
        String account = account("LETTER");
        login("collector");
        AgendaView view = agendaOf(account);
        PlannedAction row = view.rows().getFirst();
        assertThat(row.kind()).isEqualTo("LETTER");

        LetterDialog dialog = (LetterDialog) view.open(row);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Letter to Brumes " + account);
        assertThat(dialog.letter().fileName()).isEqualTo("courrier-" + account + "-" + agenda.today() + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(dialog.letter().content())) {
            assertThat(new PDFTextStripper().getText(pdf).replace('\u00a0', ' '))
                    .contains("Brumes " + account, "À l'attention de Paul Brume", "33000 Bordeaux", "980,40 €");
        }
        assertThat(dialog.preview.getElement().getAttribute("src")).isNotBlank();
        assertThat(dialog.download.getHref()).isNotBlank();
        assertThat(dialog.to.getValue()).isEqualTo("paul@brumes.example");

        dialog.markSent();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(notifications()).contains("Letter marked sent; the next step is planned");
        assertThat(state(row.id())).isEqualTo("DONE");
        assertThat(view.rows()).isEmpty();
    }

    @Test
    void aBadAddressIsShownOnTheFieldAndAGoodOneEmailsTheLetter() {
        String account = account("LETTER");
        login("collector");
        AgendaView view = agendaOf(account);
        PlannedAction row = view.rows().getFirst();
        LetterDialog dialog = (LetterDialog) view.open(row);

        dialog.to.setValue("paul at brumes");
        dialog.email();
        assertThat(dialog.to.isInvalid()).isTrue();
        assertThat(dialog.to.getErrorMessage()).contains("not an email address");
        assertThat(state(row.id())).isEqualTo("PLANNED");

        dialog.to.setValue("paul@brumes.example");
        dialog.email();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(notifications()).contains("Letter emailed to paul@brumes.example; the next step is planned");
        assertThat(state(row.id())).isEqualTo("DONE");
        Long attachments = db.sql("""
                        select count(*) as n from mail_attachment a join collection_action c on c.mail_id = a.mail_id
                        where c.id = :i and a.content_type = 'application/pdf'""")
                .bind("i", row.id()).map((r, m) -> r.get("n", Long.class)).one().block();
        assertThat(attachments).isEqualTo(1);
    }

    @Test
    void theCallShowsWhomToCallLogsAnUnansweredCallAndAPromiseOpensTheQualification() {
        String account = account("CALL");
        login("collector");
        AgendaView view = agendaOf(account);
        PlannedAction row = view.rows().getFirst();
        assertThat(row.kind()).isEqualTo("CALL");

        CallDialog dialog = (CallDialog) view.open(row);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Call Brumes " + account);
        assertThat(dialog.numbers.getElement().getTextRecursively())
                .contains("Paul Brume (Trésorier) · collection contact", "+33 6 12 34 56 78", "Account switchboard",
                        "+33 5 55 55 55 55");
        assertThat(dialog.numbers.getChildren().flatMap(c -> c.getChildren())
                .filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getHref()))
                .contains("tel:+33612345678");

        dialog.save();
        assertThat(dialog.outcome.isInvalid()).isTrue();
        assertThat(state(row.id())).isEqualTo("PLANNED");

        dialog.outcome.setValue(CallOutcome.NO_ANSWER);
        dialog.save();
        assertThat(dialog.result.getText()).contains("No answer", "Attempt 1 of 3");
        assertThat(dialog.qualify.isVisible()).isTrue();
        assertThat($(QualificationDialog.class).all()).isEmpty();
        assertThat(state(row.id())).isEqualTo("PLANNED");
        dialog.close();

        PlannedAction moved = agenda.find(org.opendso.security.CurrentStaff.require(), row.id()).block();
        assertThat(moved.dueDate()).isAfter(agenda.today());
        CallDialog again = (CallDialog) view.open(moved);
        again.outcome.setValue(CallOutcome.PROMISED_TO_PAY);
        again.notes.setValue("Pays on the 15th");
        again.save();
        assertThat(state(row.id())).isEqualTo("DONE");
        assertThat(again.result.getText()).contains("Promised to pay", "action is done");
        // a promise must be put on the items: the three-step qualification opens on the overdue item
        assertThat($(QualificationDialog.class).all()).hasSize(1);
    }

    @Test
    void inFrenchTheDialogsSpeakFrench() {
        String letterAccount = account("LETTER");
        String callAccount = account("CALL");
        login("collector");
        UI.getCurrent().setLocale(UiLocale.FRENCH);
        AgendaView view = agendaOf(letterAccount);
        LetterDialog letter = (LetterDialog) view.open(view.rows().getFirst());
        assertThat(letter.getHeaderTitle()).startsWith("Courrier à Brumes");
        assertThat(letter.markSent.getText()).isEqualTo("Marquer envoyé (posté)");
        letter.close();

        view.customer.setValue(callAccount);
        CallDialog call = (CallDialog) view.open(view.rows().getFirst());
        assertThat(call.getHeaderTitle()).startsWith("Appeler Brumes");
        assertThat(call.numbers.getElement().getTextRecursively()).contains("contact recouvrement", "Standard du compte");
        call.outcome.setValue(CallOutcome.LEFT_MESSAGE);
        call.save();
        assertThat(call.result.getText()).contains("Message laissé", "Tentative 1 sur 3");
    }
}
