package org.opendso.importer.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.importer.ImportKind;
import org.opendso.importer.ImportMode;
import org.opendso.importer.ImportReport;
import org.opendso.importer.ImportState;
import org.opendso.ui.ViewTestSupport;

@IntegrationTest
class ImportsViewIT extends ViewTestSupport {

    @Test
    void collectorUploadsContactsAndSeesTheReport() {
        login("collector");
        ImportsView view = open();
        test(view.kind).selectItem("Contacts");
        assertThat(view.mode.getValue()).isEqualTo(ImportMode.UPSERT);
        String csv = """
                account;name;role;email;phone;collection_contact
                DEMO-002;Iris Import;Buyer;iris@demo-002.example;;non
                DEMO-004;Igor Import;CFO;igor@demo-004.example;+33 1 00 00 00 00;non
                """;
        test(view.upload).upload("contacts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        ImportReport report = awaitReport(view);
        assertThat(report.state()).isEqualTo(ImportState.SUCCEEDED);
        assertThat(report.kind()).isEqualTo(ImportKind.CONTACTS);
        assertThat(report.created()).isEqualTo(2);
        assertThat(view.progress.isVisible()).isFalse();
        assertThat(view.upload.isEnabled()).isTrue();
        // the run is in the history
        assertThat(test(view.history).size()).isGreaterThan(0);
        assertThat(test(view.history).getRow(0).fileName()).isEqualTo("contacts.csv");
    }

    @Test
    void aFileWithBadLinesIsRejectedWithLineNumbersAndReasons() {
        login("collector");
        ImportsView view = open();
        test(view.kind).selectItem("Contacts");
        String csv = """
                account,name,role,email
                DEMO-002,Bad Line,,
                NOT-AN-ACCOUNT,Nobody,,
                """;
        test(view.upload).upload("bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        ImportReport report = awaitReport(view);
        assertThat(report.state()).isEqualTo(ImportState.REJECTED);
        assertThat(report.rejectedCount()).isEqualTo(1);
        assertThat(test(view.rejected).size()).isEqualTo(1);
        assertThat(test(view.rejected).getRow(0).line()).isEqualTo(3);
        assertThat(report.created()).isZero();
    }

    @Test
    void salesManagersHaveNoImportsPage() {
        login("sales");
        UI.getCurrent().navigate("imports");
        assertThat(getCurrentView()).isNotInstanceOf(ImportsView.class);
    }

    @Test
    void columnMappingIsSavedPerKind() {
        login("admin");
        ImportsView view = open();
        test(view.tabs).select("Column mapping");
        roundTrip();
        MappingEditor editor = view.mappingEditor;
        test(editor.kind).selectItem("Open items");
        MappingEditor.Row row = editor.entries.getFirst();
        test(row.header()).setValue("Montant TTC");
        test(row.column()).selectItem("amount");
        test(editor.save).click();
        assertThat(notifications()).anyMatch(n -> n.startsWith("Column mapping for Open items saved"));

        test(editor.kind).selectItem("Customers");
        test(editor.kind).selectItem("Open items");
        assertThat(editor.entries).anySatisfy(r -> {
            assertThat(r.header().getValue()).isEqualTo("Montant TTC");
            assertThat(r.column().getValue()).isEqualTo("amount");
        });
    }

    @Test
    void theMappingOffersTheScenarioColumnForCustomersOnly() {
        login("admin");
        ImportsView view = open();
        test(view.tabs).select("Column mapping");
        roundTrip();
        MappingEditor editor = view.mappingEditor;
        test(editor.kind).selectItem("Customers");
        MappingEditor.Row row = editor.addRow("Plan de relance", null);
        test(row.column()).selectItem("scenario");
        assertThat(row.column().getValue()).isEqualTo("scenario");
        test(editor.kind).selectItem("Open items");
        assertThat(editor.addRow("Plan de relance", "scenario").column().getValue()).isNull();
    }

    private ImportsView open() {
        ImportsView view = navigate(ImportsView.class);
        roundTrip(); // the tab sheet attaches its selected content on the way to the browser
        return view;
    }

    private ImportReport awaitReport(ImportsView view) {
        VaadinSession session = VaadinSession.getCurrent();
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            return view.lastReport() != null;
        });
        return view.lastReport();
    }
}
