package org.opendso.customer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.RouteParameters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import com.vaadin.flow.component.button.Button;
import org.opendso.customer.Assignee;
import org.opendso.customer.AssignmentRole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opendso.importer.CustomerImportRun;
import org.opendso.importer.ImportKind;
import org.opendso.importer.ImportReport;
import org.opendso.importer.ImportRequest;
import org.opendso.importer.ImportService;
import org.opendso.importer.ImportSource;
import org.opendso.customer.Contact;
import org.opendso.customer.Contacts;
import org.opendso.item.ItemFilter;
import org.opendso.item.OpenItem;
import org.opendso.security.CurrentStaff;
import org.opendso.ui.Money;
import org.opendso.ui.UiLocale;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CustomerSheetViewIT extends ViewTestSupport {

    @Autowired
    Contacts contacts;

    @Autowired
    ImportService imports;

    @Test
    void headerFiguresAndStatementOfDemo001() {
        login("collector");
        CustomerSheetView sheet = open("DEMO-001");
        assertThat(sheet.customer().name()).isEqualTo("Atelier Martin");
        assertThat($(H2.class).from(sheet).first().getText()).isEqualTo("Atelier Martin");

        List<OpenItem> items = rows(sheet.statement);
        assertThat(items).isNotEmpty().allMatch(OpenItem::isOpen);
        BigDecimal balance = items.stream().map(OpenItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        // the demo company charges the statutory late-payment penalties: a fifth figure
        assertThat(sheet.figures).hasSize(5);
        assertThat(sheet.figures.get(4).value()).matches("€[\\d,.]+ \\+ €[\\d,.]+");
        assertThat(sheet.figures.get(0).value()).isEqualTo(Money.format(balance, "EUR", UiLocale.ENGLISH));
        assertThat(sheet.figures.get(1).value()).startsWith("€");
        assertThat(sheet.figures.get(2).value()).isEqualTo(String.valueOf(items.size()));
        assertThat(sheet.figures.get(3).value()).matches("\\d+ days|Nothing overdue");

        var grid = test(sheet.statement.grid);
        assertThat(grid.getHeaderCell(grid.getColumnPosition("status"))).isEqualTo("Status");
        assertThat(grid.getCellText(0, grid.getColumnPosition("type"))).isEqualTo("Invoice");
        assertThat(grid.getCellText(0, grid.getColumnPosition("currency"))).isEqualTo("EUR");

        test(sheet.statement.filter).selectItem("All items");
        assertThat(rows(sheet.statement)).hasSizeGreaterThanOrEqualTo(items.size());
        assertThat(sheet.statement.filter.getValue()).isEqualTo(ItemFilter.ALL);
    }

    @Test
    void unknownOrInvisibleAccountShowsAFriendlyPage() {
        login("collector");
        CustomerSheetView unknown = open("NO-SUCH-ACCOUNT");
        assertThat(unknown.customer()).isNull();
        assertThat($(H2.class).from(unknown).single().getText()).isEqualTo("Customer not found");

        // DEMO-005 exists but is not assigned to the collector
        CustomerSheetView hidden = open("DEMO-005");
        assertThat(hidden.customer()).isNull();
        assertThat($(H2.class).from(hidden).single().getText()).isEqualTo("Customer not found");
    }

    @Test
    void createAndEditAContact() {
        login("collector");
        CustomerSheetView sheet = open("DEMO-003");
        test(sheet.tabs).select("Contacts");
        roundTrip();
        ContactsPanel panel = sheet.contactsPanel;
        int before = test(panel.grid).size();

        test(panel.add).click();
        ContactDialog create = $(ContactDialog.class).single();
        test(create.name).setValue("Nina Payables");
        test(create.role).setValue("Accountant");
        test(create.email).setValue("nina@demo-003.example");
        test(create.collectionContact).click();
        test(create.save).click();

        assertThat($(ContactDialog.class).exists()).isFalse();
        assertThat(test(panel.grid).size()).isEqualTo(before + 1);
        // the collection contact comes first, and is the only one
        Contact nina = test(panel.grid).getRow(0);
        assertThat(nina.name()).isEqualTo("Nina Payables");
        assertThat(nina.collectionContact()).isTrue();
        assertThat(contactRows(panel)).filteredOn(Contact::collectionContact).hasSize(1);

        ContactDialog edit = panel.edit(nina);
        roundTrip();
        assertThat(edit.name.getValue()).isEqualTo("Nina Payables");
        test(edit.role).setValue("Head of accounts payable");
        test(edit.save).click();
        assertThat(contactRows(panel)).filteredOn(c -> c.name().equals("Nina Payables"))
                .singleElement().extracting(Contact::role).isEqualTo("Head of accounts payable");
    }

    @Test
    void aContactChangedMeanwhileIsReportedAndReloaded() {
        login("collector");
        CustomerSheetView sheet = open("DEMO-007");
        test(sheet.tabs).select("Contacts");
        roundTrip();
        ContactsPanel panel = sheet.contactsPanel;
        Contact first = test(panel.grid).getRow(0);
        ContactDialog edit = panel.edit(first);
        roundTrip();

        // someone else saves the same contact first
        contacts.save(CurrentStaff.require(), new Contact(first.id(), first.customerId(), first.name(), "Changed elsewhere",
                first.email(), first.phone(), first.collectionContact(), first.version())).block();

        test(edit.role).setValue("My change");
        test(edit.save).click();
        assertThat(notifications()).anyMatch(n -> n.contains("Someone else changed this meanwhile"));
        assertThat($(ContactDialog.class).exists()).isFalse();
        assertThat(contactRows(panel)).filteredOn(c -> c.id().equals(first.id()))
                .singleElement().extracting(Contact::role).isEqualTo("Changed elsewhere");
    }

    @Test
    void adminAssignsAndRemovesStaffOnTheSheet() {
        login("admin");
        CustomerSheetView sheet = open("DEMO-044");
        test(sheet.tabs).select("Assigned users");
        roundTrip();
        AssigneesPanel panel = sheet.assigneesPanel;
        assertThat(panel.add.isVisible()).isTrue();
        int before = test(panel.grid).size();
        test(panel.role).selectItem("Sales manager");
        test(panel.user).selectItem("Sam Sales (sales)");
        test(panel.add).click();
        assertThat(test(panel.grid).size()).isEqualTo(before + 1);
        int row = assigneeRow(panel, "sales", AssignmentRole.SALES_MANAGER);
        assertThat(row).isNotNegative();

        test((Button) test(panel.grid).getCellComponent(row, "actions")).click();
        assertThat(test(panel.grid).size()).isEqualTo(before);
        assertThat(assigneeRow(panel, "sales", AssignmentRole.SALES_MANAGER)).isNegative();
    }

    @Test
    void othersSeeTheAssigneesButCannotChangeThem() {
        login("collector");
        CustomerSheetView sheet = open("DEMO-001");
        test(sheet.tabs).select("Assigned users");
        roundTrip();
        AssigneesPanel panel = sheet.assigneesPanel;
        assertThat(panel.add.isVisible()).isFalse();
        assertThat(assigneeRow(panel, "collector", AssignmentRole.COLLECTOR)).isNotNegative();
        assertThat(assigneeRow(panel, "sales", AssignmentRole.SALES_MANAGER)).isNotNegative();
        assertThat(panel.grid.getColumnByKey("actions")).isNull();
    }

    private int assigneeRow(AssigneesPanel panel, String login, AssignmentRole role) {
        var grid = test(panel.grid);
        for (int i = 0; i < grid.size(); i++) {
            Assignee a = grid.getRow(i);
            if (a.login().equals(login) && a.role() == role) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void importsTabListsTheRunsThatTouchedTheAccount() throws Exception {
        login("admin");
        Path file = Files.createTempFile("contacts", ".csv");
        Files.writeString(file, "account,name,role\nDEMO-046,Ivy Imported,Buyer\n");
        ImportReport report = imports.run(CurrentStaff.require(),
                ImportRequest.of(ImportKind.CONTACTS, ImportSource.UPLOAD, "sheet-contacts.csv"), file, null).block();
        Files.deleteIfExists(file);
        assertThat(report.created()).isEqualTo(1);

        CustomerSheetView sheet = open("DEMO-046");
        test(sheet.tabs).select("Imports");
        roundTrip();
        ImportHistoryPanel history = (ImportHistoryPanel) test(sheet.tabs).getTabContent("Imports");
        var grid = test(history.grid);
        assertThat(grid.size()).isEqualTo(1);
        CustomerImportRun run = grid.getRow(0);
        assertThat(run.fileName()).isEqualTo("sheet-contacts.csv");
        assertThat(run.created()).isEqualTo(1);
        assertThat(grid.getCellText(0, grid.getColumnPosition("kind"))).isEqualTo("Contacts");
        assertThat(grid.getCellText(0, grid.getColumnPosition("user"))).isEqualTo("Alice Admin");
    }

    private CustomerSheetView open(String account) {
        UI.getCurrent().navigate(CustomerSheetView.class, new RouteParameters("account", account));
        return (CustomerSheetView) getCurrentView();
    }

    private List<OpenItem> rows(StatementPanel panel) {
        var grid = test(panel.grid);
        List<OpenItem> rows = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            rows.add(grid.getRow(i));
        }
        return rows;
    }

    private List<Contact> contactRows(ContactsPanel panel) {
        var grid = test(panel.grid);
        List<Contact> rows = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            rows.add(grid.getRow(i));
        }
        return rows;
    }
}
