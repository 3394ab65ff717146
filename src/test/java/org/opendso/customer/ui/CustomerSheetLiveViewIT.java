package org.opendso.customer.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinSession;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.opendso.action.ActionCompletions;
import org.opendso.action.ActionState;
import org.opendso.action.ui.CompleteActionDialog;
import org.opendso.action.SpecificAction;
import org.opendso.action.SpecificActions;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.importer.ImportKind;
import org.opendso.importer.ImportMode;
import org.opendso.importer.ImportRequest;
import org.opendso.importer.ImportService;
import org.opendso.importer.ImportSource;
import org.opendso.item.OpenItem;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.Qualifications;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.UiLocale;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CustomerSheetLiveViewIT extends ViewTestSupport {

    @Autowired
    Qualifications qualifications;

    @Autowired
    SpecificActions actions;

    @Autowired
    ActionCompletions completions;

    @Autowired
    EventLog events;

    @Autowired
    TestTenants tenants;

    @Autowired
    ImportService imports;

    @Autowired
    Customers customers;

    @Test
    void aQualificationBySomeoneElseShowsUpLiveInTheGridAndTheHistory() {
        login("collector");
        CustomerSheetView sheet = open("DEMO-016");
        var grid = test(sheet.statement.grid);
        OpenItem item = grid.getRow(0);
        int status = grid.getColumnPosition("status");

        Staff admin = tenants.demo("admin");
        qualifications.qualify(admin, item.customerId(), new Qualification(
                List.of(new Qualification.ItemRef(item.type(), item.number(), item.version())),
                "PRICE_DISPUTE", null, "Their buyer disputes the discount", null, null)).block();

        awaitUi(() -> "Price dispute".equals(grid.getCellText(0, status)));
        OpenItem shown = grid.getRow(0);
        assertThat(shown.number()).isEqualTo(item.number());
        assertThat(shown.version()).isEqualTo(item.version() + 1);
        assertThat(shown.qualification().changedBy()).isEqualTo("Alice Admin");
        assertThat(grid.getCellText(0, grid.getColumnPosition("lastComment"))).isEqualTo("Their buyer disputes the discount");
        // changed by someone else: the row flashes and a discreet notification says who did what
        assertThat(sheet.statement.isFlashing(shown)).isTrue();
        assertThat(sheet.statement.grid.getPartNameGenerator().apply(shown)).contains("changed-elsewhere");
        assertThat(notifications()).contains("Alice Admin set " + item.number() + " to Price dispute");

        test(sheet.tabs).select("History");
        roundTrip();
        var history = test(sheet.history.grid);
        assertThat(history.getCellText(0, history.getColumnPosition("who"))).isEqualTo("Alice Admin");
        assertThat(history.getCellText(0, history.getColumnPosition("what")))
                .isEqualTo("Set " + item.number() + " to “Price dispute”");
        assertThat(history.getCellText(0, history.getColumnPosition("detail"))).isEqualTo("Their buyer disputes the discount");

        // the filters narrow the log, on the server
        test(sheet.history.type).selectItem("Comment");
        assertThat(sheet.history.events()).allMatch(e -> e.type() == EventType.COMMENT_ADDED);
        test(sheet.history.type).selectItem("Qualification");
        test(sheet.history.item).setValue(item.number());
        assertThat(sheet.history.events()).isNotEmpty().allMatch(e -> e.payload().contains(item.number()));
        test(sheet.history.item).setValue("NO-SUCH-ITEM");
        assertThat(sheet.history.events()).isEmpty();
    }

    @Test
    void aSpecificActionCreatedInStepThreeIsListedAndCompleted() {
        login("collector");
        CustomerSheetView sheet = open("DEMO-022");
        var grid = test(sheet.statement.grid);
        OpenItem item = grid.getRow(0);
        grid.select(0);
        test(sheet.statement.changeStatus).click();

        var dialog = sheet.qualificationDialog;
        test(combo("qualify-status")).selectItem("Quality dispute · Dispute");
        test((TextArea) $(TextArea.class).id("qualify-comment")).setValue("Scratches on the delivered panels");
        test($(Button.class).id("qualify-forward")).click();
        test($(Button.class).id("qualify-forward")).click();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> next = $(RadioButtonGroup.class).id("qualify-next");
        test(next).selectItem("Create a specific action");
        assertThat(test(combo("qualify-assignee")).getSelected()).extracting("login").isEqualTo("collector");
        test((TextArea) $(TextArea.class).id("qualify-note")).setValue("Ask the warehouse for photos");
        test($(Button.class).id("qualify-save")).click();
        assertThat(dialog.isOpened()).isFalse();

        test(sheet.tabs).select("Actions");
        roundTrip();
        var listed = test(sheet.actionsPanel.grid);
        assertThat(listed.size()).isEqualTo(1);
        SpecificAction action = listed.getRow(0);
        assertThat(action.state()).isEqualTo(ActionState.OPEN);
        assertThat(action.items()).containsExactly(item.number());
        assertThat(action.dueDate()).isEqualTo(LocalDate.now().plusDays(14));
        assertThat(listed.getCellText(0, listed.getColumnPosition("kind"))).isEqualTo("Dispute follow-up");
        assertThat(listed.getCellText(0, listed.getColumnPosition("assignee"))).isEqualTo("Colin Collector");

        // my own change reaches my history too, without a notification about myself
        awaitUi(() -> sheet.history.events().stream().anyMatch(e -> e.type() == EventType.ACTION_CREATED));
        assertThat(notifications()).noneMatch(n -> n.startsWith("Colin Collector"));

        test((Button) ((HorizontalLayout) listed.getCellComponent(0, "actions")).getComponentAt(0)).click();
        CompleteActionDialog complete = $(CompleteActionDialog.class).single();
        test(complete.note).setValue("Photos received, credit note agreed");
        test(complete.confirm).click();
        assertThat($(CompleteActionDialog.class).exists()).isFalse();
        assertThat(listed.getRow(0).state()).isEqualTo(ActionState.COMPLETED);
        assertThat(listed.getCellComponent(0, "actions")).isNotInstanceOf(Button.class);
        assertThat(actions.ofCustomer(CurrentStaff.require().tenantId(), item.customerId()).collectList().block())
                .singleElement().satisfies(a -> {
                    assertThat(a.state()).isEqualTo(ActionState.COMPLETED);
                    assertThat(a.completionNote()).isEqualTo("Photos received, credit note agreed");
                    assertThat(a.completedBy()).isEqualTo("Colin Collector");
                });
    }

    @Test
    void anActionCompletedBySomeoneElseIsUpdatedLive() {
        login("collector");
        CustomerSheetView sheet = open("DEMO-023");
        OpenItem item = test(sheet.statement.grid).getRow(0);
        Staff admin = tenants.demo("admin");
        SpecificAction created = actions.create(admin, item.customerId(), new org.opendso.action.NewSpecificAction(
                org.opendso.action.ActionKind.OLD_ITEMS_REVIEW, List.of(item.id()), admin.userId(),
                LocalDate.now().plusDays(3), "Check with accounting")).block();
        awaitUi(() -> test(sheet.actionsPanel.grid).size() == 1);
        assertThat(test(sheet.actionsPanel.grid).getRow(0).state()).isEqualTo(ActionState.OPEN);
        assertThat(notifications()).contains("Alice Admin created a specific action “Old items review”");

        completions.complete(admin, created.id(), new ActionCompletions.Completion("Booked as a loss", null, false)).block();
        awaitUi(() -> test(sheet.actionsPanel.grid).getRow(0).state() == ActionState.COMPLETED);
    }

    @Test
    void anImportUpdatesTheHeaderFiguresAndTheStatement() throws Exception {
        login("collector");
        CustomerSheetView sheet = open("DEMO-018");
        int before = test(sheet.statement.grid).size();
        Path file = Files.createTempFile("items", ".csv");
        String due = LocalDate.now().minusDays(45).toString();
        Files.writeString(file, "account;name;number;due_date;amount\nDEMO-018;Live;INV-LIVE-018;" + due + ";1000,00\n");
        // an administrator's import adds an item (upsert: nothing else is closed)
        imports.run(tenants.demo("admin"), ImportRequest.of(ImportKind.ITEMS, ImportSource.UPLOAD, "live.csv")
                .withMode(ImportMode.UPSERT), file, null).block();
        Files.deleteIfExists(file);
        Customer now = customers.find(CurrentStaff.require(), "DEMO-018").block();

        awaitUi(() -> test(sheet.statement.grid).size() == before + 1);
        assertThat(sheet.figures.get(0).value()).isEqualTo(Money.format(now.balance(), "EUR", UiLocale.ENGLISH));
        assertThat(sheet.figures.get(1).value()).isEqualTo(Money.format(now.overdue(), "EUR", UiLocale.ENGLISH));
        assertThat(sheet.figures.get(2).value()).isEqualTo(String.valueOf(now.openItems()));
        assertThat(rows(sheet)).extracting(OpenItem::number).contains("INV-LIVE-018");
        assertThat(notifications()).contains("Alice Admin updated the statement: 1 new, 0 updated, 0 closed items");
    }

    @Test
    void figuresCarriedByAnImportEventAreShownWithoutAQuery() {
        login("collector");
        CustomerSheetView sheet = open("DEMO-027");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("balance", new BigDecimal("1234.56"));
        payload.put("overdue", new BigDecimal("234.50"));
        payload.put("openItems", 3);
        payload.put("oldestOverdue", LocalDate.now().minusDays(45).toString());
        payload.put("created", 1);
        payload.put("updated", 2);
        payload.put("closed", 0);
        events.append(Actor.system("Nightly import"), CurrentStaff.require().tenantId(), sheet.customer().id(),
                EventType.ITEMS_IMPORTED, payload).block();

        awaitUi(() -> sheet.figures.getFirst().value().equals(Money.format(new BigDecimal("1234.56"), "EUR", UiLocale.ENGLISH)));
        assertThat(sheet.figures.get(1).value()).isEqualTo(Money.format(new BigDecimal("234.50"), "EUR", UiLocale.ENGLISH));
        assertThat(sheet.figures.get(2).value()).isEqualTo("3");
        assertThat(sheet.figures.get(3).value()).isEqualTo("45 days");
        assertThat(notifications()).contains("Nightly import updated the statement: 1 new, 2 updated, 0 closed items");
    }

    @Test
    void rowsAnotherUserIsQualifyingAreMarked() {
        login("collector");
        CustomerSheetView sheet = open("DEMO-024");
        OpenItem item = test(sheet.statement.grid).getRow(0);
        sheet.statement.markQualifying(Map.of(item.number(), "Anna"));
        assertThat(sheet.statement.grid.getPartNameGenerator().apply(item)).isEqualTo("qualifying-elsewhere");
        assertThat(sheet.statement.grid.getColumnByKey("number").getTooltipGenerator().apply(item))
                .isEqualTo("Anna is qualifying this item");
        sheet.statement.markQualifying(Map.of());
        assertThat(sheet.statement.grid.getPartNameGenerator().apply(item)).isNull();
    }

    @Test
    void statusFiltersNarrowTheStatement() {
        login("collector");
        CustomerSheetView sheet = open("DEMO-026");
        var grid = test(sheet.statement.grid);
        int all = grid.size();
        OpenItem item = grid.getRow(0);
        qualifications.qualify(CurrentStaff.require(), item.customerId(), new Qualification(
                List.of(new Qualification.ItemRef(item.type(), item.number(), item.version())),
                "LITIGATION", null, "Handed to the lawyers", null, null)).block();
        sheet.statement.load();

        test(sheet.statement.category).selectItem("Litigation");
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getRow(0).number()).isEqualTo(item.number());
        test(sheet.statement.category).selectItem("Promise to pay");
        assertThat(grid.size()).isZero();
        sheet.statement.category.clear();
        test(sheet.statement.status).selectItem("Sent to litigation");
        assertThat(grid.size()).isEqualTo(1);
        sheet.statement.status.clear();
        assertThat(grid.size()).isEqualTo(all);
        assertThat(sheet.statement.summary.getText()).startsWith(all + " items");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Object> combo(String id) {
        return $(ComboBox.class).id(id);
    }

    private void awaitUi(BooleanSupplier condition) {
        VaadinSession session = VaadinSession.getCurrent();
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            return condition.getAsBoolean();
        });
    }

    private List<OpenItem> rows(CustomerSheetView sheet) {
        var grid = test(sheet.statement.grid);
        List<OpenItem> rows = new java.util.ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            rows.add(grid.getRow(i));
        }
        return rows;
    }

    private CustomerSheetView open(String account) {
        UI.getCurrent().navigate(CustomerSheetView.class, new RouteParameters("account", account));
        roundTrip();
        return (CustomerSheetView) getCurrentView();
    }
}
