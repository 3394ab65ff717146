package org.opendso.qualification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.RouteParameters;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.customer.ui.CustomerSheetView;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.Qualifications;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.opendso.realtime.HistoryFilter;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.UiLocale;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class QualificationDialogViewIT extends ViewTestSupport {

    @Autowired
    OpenItems openItems;

    @Autowired
    Qualifications qualifications;

    @Autowired
    EventStreams streams;

    @Autowired
    TestTenants tenants;

    @Test
    void qualifiesTwoItemsThroughTheDialog() {
        login("collector");
        Grid<OpenItem> grid = openStatement("DEMO-012");
        OpenItem first = test(grid).getRow(0);
        OpenItem second = test(grid).getRow(1);
        Button change = $(Button.class).id("statement-change-status");
        assertThat(change.isEnabled()).isFalse();
        test(grid).select(0);
        test(grid).select(1);
        assertThat(change.isEnabled()).isTrue();
        test(change).click();

        QualificationDialog dialog = $(QualificationDialog.class).single();
        assertThat(dialog.step()).isEqualTo(QualificationDialog.Step.STATUS);
        assertThat(dialog.itemsLine.getText()).contains(first.number(), second.number());
        test(dialog.status).selectItem("Price dispute · Dispute");
        // a dispute is followed up after the status's 14 days
        assertThat(dialog.followUp.getText())
                .isEqualTo("Follow-up on " + Money.date(LocalDate.now().plusDays(14), UiLocale.ENGLISH));
        assertThat(dialog.date.getLabel()).isEqualTo("Status date");
        test(dialog.comment).setValue("The customer says the unit price is wrong");
        test(dialog.forward).click();
        assertThat(dialog.step()).isEqualTo(QualificationDialog.Step.MAIL);
        test(dialog.forward).click();
        assertThat(dialog.step()).isEqualTo(QualificationDialog.Step.NEXT);
        assertThat(dialog.next.getValue()).isEqualTo(QualificationDialog.NextStep.CONTINUE);
        test(dialog.save).click();

        assertThat($(QualificationDialog.class).exists()).isFalse();
        assertThat(notifications()).contains("2 items set to “Price dispute”");
        List<OpenItem> saved = current(first, second);
        assertThat(saved).hasSize(2).allSatisfy(i -> {
            assertThat(i.qualification().statusCode()).isEqualTo("PRICE_DISPUTE");
            assertThat(i.qualification().lastComment()).isEqualTo("The customer says the unit price is wrong");
            assertThat(i.qualification().followUpDate()).isEqualTo(LocalDate.now().plusDays(14));
            assertThat(i.qualification().statusDate()).isEqualTo(LocalDate.now());
            assertThat(i.qualification().changedBy()).isEqualTo("Colin Collector");
        });
        assertThat(saved).extracting(OpenItem::version).containsExactlyInAnyOrder(first.version() + 1, second.version() + 1);
        // the grid shows the new state of both rows, in place
        var rows = test(grid);
        for (int row : new int[] {0, 1}) {
            assertThat(rows.getCellText(row, rows.getColumnPosition("status"))).isEqualTo("Price dispute");
            assertThat(rows.getCellText(row, rows.getColumnPosition("lastComment")))
                    .isEqualTo("The customer says the unit price is wrong");
            assertThat(rows.getCellText(row, rows.getColumnPosition("followUpDate")))
                    .isEqualTo(Money.date(LocalDate.now().plusDays(14), UiLocale.ENGLISH));
        }
        assertThat(rows.getRow(0).version()).isEqualTo(first.version() + 1);
    }

    @Test
    void aPromiseToPayNeedsThePromisedDate() {
        login("collector");
        Grid<OpenItem> grid = openStatement("DEMO-013");
        OpenItem item = test(grid).getRow(0);
        test(grid).select(0);
        test($(Button.class).id("statement-change-status")).click();
        QualificationDialog dialog = $(QualificationDialog.class).single();
        test(dialog.status).selectItem("Promise to pay · Promise to pay");
        assertThat(dialog.date.getLabel()).isEqualTo("Promised payment date");
        assertThat(dialog.followUp.getText()).isEqualTo("Follow-up on the promised payment date");
        test(dialog.comment).setValue("Will pay after the board meeting");

        // saved straight away: the service refuses, the dialog marks the field
        test(dialog.save).click();
        assertThat($(QualificationDialog.class).exists()).isTrue();
        assertThat(dialog.date.isInvalid()).isTrue();
        assertThat(dialog.date.getErrorMessage()).isEqualTo("A promise to pay needs the promised payment date");
        assertThat(current(item)).singleElement().satisfies(i -> {
            assertThat(i.version()).isEqualTo(item.version());
            assertThat(i.qualification()).isEqualTo(item.qualification());
        });
        // "Next" checks it too, in the user's language
        test(dialog.forward).click();
        assertThat(dialog.step()).isEqualTo(QualificationDialog.Step.STATUS);
        assertThat(dialog.date.getErrorMessage()).isEqualTo("Enter the date the customer promised to pay");

        LocalDate promised = LocalDate.now().plusDays(10);
        test(dialog.date).setValue(promised);
        assertThat(dialog.date.isInvalid()).isFalse();
        assertThat(dialog.followUp.getText()).isEqualTo("Follow-up on " + Money.date(promised, UiLocale.ENGLISH));
        test(dialog.save).click();
        assertThat($(QualificationDialog.class).exists()).isFalse();
        assertThat(current(item)).singleElement().satisfies(i -> {
            assertThat(i.qualification().statusCode()).isEqualTo("PROMISE_TO_PAY");
            assertThat(i.qualification().statusDate()).isEqualTo(promised);
            assertThat(i.qualification().followUpDate()).isEqualTo(promised);
        });
    }

    @Test
    void aConflictIsExplainedAndMyQualificationCanBeReapplied() {
        login("collector");
        Grid<OpenItem> grid = openStatement("DEMO-014");
        OpenItem first = test(grid).getRow(0);
        OpenItem second = test(grid).getRow(1);
        test(grid).select(0);
        test(grid).select(1);
        test($(Button.class).id("statement-change-status")).click();
        QualificationDialog dialog = $(QualificationDialog.class).single();

        // meanwhile an administrator qualifies the first item
        Staff admin = tenants.demo("admin");
        qualifications.qualify(admin, first.customerId(), new Qualification(
                List.of(new Qualification.ItemRef(first.type(), first.number(), first.version())),
                "QUALITY_DISPUTE", null, "Broken on delivery", null, null)).block();

        test(dialog.status).selectItem("Call back · Ongoing");
        test(dialog.comment).setValue("Call back on Monday");
        test(dialog.save).click();

        assertThat($(QualificationDialog.class).exists()).isTrue();
        assertThat(dialog.conflict.isVisible()).isTrue();
        String explained = dialog.conflict.getElement().getTextRecursively();
        assertThat(explained).contains("Nothing was saved")
                .containsPattern(first.number() + ": now “Quality dispute”, by Alice Admin, \\d+ s ago");
        assertThat(explained).doesNotContain(second.number() + ":");
        // nothing half-saved: the second item is as it was
        assertThat(current(second)).singleElement().extracting(OpenItem::version).isEqualTo(second.version());
        // the statement already shows what the administrator did
        assertThat(test(grid).getCellText(0, test(grid).getColumnPosition("status"))).isEqualTo("Quality dispute");

        test(dialog.reapply).click();
        assertThat($(QualificationDialog.class).exists()).isFalse();
        assertThat(current(first, second)).hasSize(2).allSatisfy(i -> {
            assertThat(i.qualification().statusCode()).isEqualTo("CALLED_BACK");
            assertThat(i.qualification().lastComment()).isEqualTo("Call back on Monday");
        });
        assertThat(current(first)).singleElement().extracting(OpenItem::version).isEqualTo(first.version() + 2);
    }

    @Test
    void theConfirmationMailIsDraftedEditableAndQueued() {
        login("collector");
        Grid<OpenItem> grid = openStatement("DEMO-017");
        OpenItem item = test(grid).getRow(0);
        test(grid).select(0);
        test($(Button.class).id("statement-change-status")).click();
        QualificationDialog dialog = $(QualificationDialog.class).single();
        test(dialog.status).selectItem("Invoice copy sent · Ongoing");
        test(dialog.comment).setValue("Sent the copy they asked for");
        test(dialog.forward).click();
        test(dialog.sendMail).click();

        // the collection contact is proposed; colleagues with an address are offered too
        assertThat(dialog.recipient.getValue()).isNotNull();
        assertThat(dialog.recipient.getValue().colleague()).isFalse();
        assertThat(test(dialog.recipient).getSuggestions()).anyMatch(s -> s.startsWith("Sam Sales <"));
        assertThat(dialog.subject.getValue()).contains("Invoice copy sent");
        assertThat(dialog.body.getValue()).contains(item.number()).contains("Sent the copy they asked for");
        assertThat(dialog.preview.getSrcdoc()).contains(dialog.body.getValue());

        test(dialog.subject).setValue("Your invoice copy");
        test(dialog.recipient).selectItem("Sam Sales <sales@demo.opendso.org>");
        // the user's subject stays; the greeting follows the new recipient
        assertThat(dialog.subject.getValue()).isEqualTo("Your invoice copy");
        assertThat(dialog.body.getValue()).contains("Sam Sales");
        test(dialog.save).click();

        assertThat($(QualificationDialog.class).exists()).isFalse();
        List<AccountEvent> mails = streams.history(CurrentStaff.require().tenantId(), item.customerId(),
                new HistoryFilter(EventType.MAIL_QUEUED, null, null), 10).collectList().block();
        assertThat(mails).isNotEmpty();
        assertThat(mails.getFirst().payload()).contains("sales@demo.opendso.org").contains("Your invoice copy");
    }

    @Test
    void aMailWithoutRecipientIsRefusedOnItsField() {
        login("collector");
        Grid<OpenItem> grid = openStatement("DEMO-019");
        OpenItem item = test(grid).getRow(0);
        test(grid).select(0);
        test($(Button.class).id("statement-change-status")).click();
        QualificationDialog dialog = $(QualificationDialog.class).single();
        test(dialog.status).selectItem("Reminder sent · Ongoing");
        test(dialog.comment).setValue("Reminded by phone");
        test(dialog.forward).click();
        test(dialog.sendMail).click();
        dialog.recipient.clear();
        test(dialog.forward).click();
        test(dialog.save).click();

        assertThat(dialog.step()).isEqualTo(QualificationDialog.Step.MAIL);
        assertThat(dialog.recipient.isInvalid()).isTrue();
        assertThat(dialog.recipient.getErrorMessage()).isEqualTo("The confirmation mail needs a recipient address");
        assertThat(current(item)).singleElement().extracting(OpenItem::version).isEqualTo(item.version());
    }

    @Test
    void commentsOnItemsAndOnTheAccount() {
        login("collector");
        Grid<OpenItem> grid = openStatement("DEMO-021");
        OpenItem item = test(grid).getRow(0);

        // nothing selected: a comment on the account
        test($(Button.class).id("statement-comment")).click();
        CommentDialog onAccount = $(CommentDialog.class).single();
        assertThat(onAccount.scope.getText()).startsWith("On the account of");
        test(onAccount.save).click();
        assertThat(onAccount.text.isInvalid()).isTrue();
        test(onAccount.text).setValue("Spoke with the CFO, payment run on Fridays");
        test(onAccount.save).click();
        assertThat($(CommentDialog.class).exists()).isFalse();

        test(grid).select(0);
        test($(Button.class).id("statement-comment")).click();
        CommentDialog onItem = $(CommentDialog.class).single();
        assertThat(onItem.scope.getText()).isEqualTo("On " + item.number());
        test(onItem.text).setValue("Waiting for the signed delivery note");
        test(onItem.save).click();

        assertThat(test(grid).getCellText(0, test(grid).getColumnPosition("lastComment")))
                .isEqualTo("Waiting for the signed delivery note");
        assertThat(current(item)).singleElement().satisfies(i -> {
            assertThat(i.qualification().lastComment()).isEqualTo("Waiting for the signed delivery note");
            assertThat(i.qualification().statusCode()).isEqualTo(item.qualification().statusCode());
        });
        List<AccountEvent> comments = streams.history(CurrentStaff.require().tenantId(), item.customerId(),
                new HistoryFilter(EventType.COMMENT_ADDED, null, null), 10).collectList().block();
        assertThat(comments).extracting(AccountEvent::payload)
                .anyMatch(p -> p.contains("payment run on Fridays") && p.matches("(?s).*\"items\":\\s*\\[\\].*"))
                .anyMatch(p -> p.contains("signed delivery note") && p.contains(item.number()));
    }

    @SuppressWarnings("unchecked")
    private Grid<OpenItem> openStatement(String account) {
        UI.getCurrent().navigate(CustomerSheetView.class, new RouteParameters("account", account));
        roundTrip();
        return (Grid<OpenItem>) $(Grid.class).id("statement-grid");
    }

    private List<OpenItem> current(OpenItem... items) {
        return openItems.byKeys(CurrentStaff.require().tenantId(), items[0].customerId(),
                List.of(items).stream().map(OpenItem::key).toList()).collectList().block();
    }
}
