package org.opendso.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.importer.ImportFixtures.file;
import static org.opendso.importer.ImportFixtures.text;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.opendso.realtime.HistoryFilter;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.importer.ImportFixtures.Tenant;
import org.opendso.security.Staff;
import org.opendso.tenant.Companies;
import org.opendso.user.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import reactor.test.StepVerifier;

/** Imports of the messy fixture files of src/test/resources/import through the service, on the real database. */
@IntegrationTest
@Import(TestTenants.class)
class ImportServiceIT {

    @Autowired
    ImportService imports;

    @Autowired
    ImportRuns runs;

    @Autowired
    ColumnMappings mappings;

    @Autowired
    TestTenants testTenants;

    @Autowired
    Companies companies;

    @Autowired
    Users users;

    @Autowired
    DatabaseClient db;

    @Autowired
    EventStreams streams;

    ImportFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ImportFixtures(companies, users, db);
    }

    private ImportReport run(Staff staff, ImportKind kind, Path file) {
        return run(staff, ImportRequest.of(kind, ImportSource.UPLOAD, file.getFileName().toString()), file);
    }

    private ImportReport run(Staff staff, ImportRequest request, Path file) {
        ImportReport[] out = new ImportReport[1];
        imports.run(staff, request, file, ImportProgress.NONE)
                .as(StepVerifier::create)
                .assertNext(r -> out[0] = r)
                .verifyComplete();
        return out[0];
    }

    private static ImportRequest partial(ImportKind kind) {
        return ImportRequest.of(kind, ImportSource.UPLOAD, null).withPartial(true);
    }

    private static void counts(ImportReport r, ImportState state, long created, long updated, long unchanged,
                               long closed, long rejected) {
        assertThat(r.state()).as("state, message: %s, rejected %s", r.message(), r.rejected()).isEqualTo(state);
        assertThat(new long[] {r.created(), r.updated(), r.unchanged(), r.closed(), r.rejectedCount()})
                .as("created, updated, unchanged, closed, rejected").containsExactly(created, updated, unchanged,
                        closed, rejected);
    }

    // ---- customers ----------------------------------------------------------------------------------------

    @Test
    void customersWithFrenchHeadersUtf8BomSemicolonsAndAQuotedNewline() {
        Tenant t = fixtures.shared();
        ImportReport first = run(t.admin(), ImportKind.CUSTOMERS, file("customers-fr-semicolon-bom.csv"));
        counts(first, ImportState.SUCCEEDED, 3, 0, 0, 0, 0);
        assertThat(first.lines()).isEqualTo(3);
        assertThat(fixtures.text("select address from customer where tenant_id = :t and account = :k", t.id(), "CUST-001"))
                .isEqualTo("12, rue de la Paix; escalier B\r\nBâtiment B");
        assertThat(fixtures.text("select name from customer where tenant_id = :t and account = :k", t.id(), "CUST-001"))
                .isEqualTo("Société Générale de Bâtiment");
        assertThat(fixtures.text("select name from customer where tenant_id = :t and account = :k", t.id(), "CUST-003"))
                .isEqualTo("Transports \"Rapides\" SARL");
        assertThat(fixtures.text("""
                select string_agg(u.login || ':' || a.role, ',' order by u.login) from customer_assignment a
                join customer c on c.id = a.customer_id join app_user u on u.id = a.user_id
                where c.tenant_id = :t and c.account = :k""", t.id(), "CUST-001"))
                .isEqualTo("imp-marie:COLLECTOR,imp-paul:SALES_MANAGER");

        ImportReport again = run(t.collector(), ImportKind.CUSTOMERS, file("customers-fr-semicolon-bom.csv"));
        counts(again, ImportState.SUCCEEDED, 0, 0, 3, 0, 0);
    }

    @Test
    void customersInWindows1252WithCommas() {
        Tenant t = fixtures.tenant();
        counts(run(t.admin(), ImportKind.CUSTOMERS, file("customers-comma-cp1252.csv")), ImportState.SUCCEEDED,
                3, 0, 0, 0, 0);
        assertThat(fixtures.text("select name from customer where tenant_id = :t and account = :k", t.id(), "CP-001"))
                .isEqualTo("Société Générale");
        assertThat(fixtures.text("select name || '/' || city || '/' || currency from customer where tenant_id = :t and account = :k",
                t.id(), "CP-002")).isEqualTo("Müller & Söhne, GmbH/Köln/EUR");
        assertThat(fixtures.text("select city || '/' || currency from customer where tenant_id = :t and account = :k",
                t.id(), "CP-003")).isEqualTo("Besançon/EUR");
    }

    @Test
    void customersTabSeparatedWithBlankLinesSeveralCollectorsAndLaterChanges() {
        Tenant t = fixtures.shared();
        counts(run(t.admin(), ImportKind.CUSTOMERS, file("customers-tab.csv")), ImportState.SUCCEEDED, 2, 0, 0, 0, 0);
        String assignments = """
                select string_agg(u.login || ':' || a.role, ',' order by u.login) from customer_assignment a
                join customer c on c.id = a.customer_id join app_user u on u.id = a.user_id
                where c.tenant_id = :t and c.account = :k""";
        assertThat(fixtures.text(assignments, t.id(), "TAB-001")).isEqualTo("imp-marie:COLLECTOR,imp-paul:COLLECTOR");
        assertThat(fixtures.text(assignments, t.id(), "TAB-002")).isEqualTo("imp-paul:SALES_MANAGER");

        // the ERP now says TAB-001 is Marie's alone: Paul's collector assignment goes; a name change is an update;
        // an assignment-only change is an update too; the e-mail column is absent, so e-mails are kept
        ImportReport changed = run(t.admin(), ImportKind.CUSTOMERS, text("""
                account;name;collector
                TAB-001;Tabulated One;imp-marie
                TAB-002;Tabulated Two (renamed);
                """));
        counts(changed, ImportState.SUCCEEDED, 0, 2, 0, 0, 0);
        assertThat(fixtures.text(assignments, t.id(), "TAB-001")).isEqualTo("imp-marie:COLLECTOR");
        assertThat(fixtures.text(assignments, t.id(), "TAB-002")).isEqualTo("imp-paul:SALES_MANAGER");
        assertThat(fixtures.text("select email from customer where tenant_id = :t and account = :k", t.id(), "TAB-001"))
                .isEqualTo("one@tab.example");
    }

    @Test
    void customersWithUnknownLoginBadCurrencyAndBadEmailAreRejectedWholeOrPartly() {
        Tenant t = fixtures.shared();
        ImportReport rejected = run(t.admin(), ImportKind.CUSTOMERS, file("customers-bad-references.csv"));
        counts(rejected, ImportState.REJECTED, 0, 0, 0, 0, 3);
        assertThat(rejected.rejected()).containsExactly(
                new RejectedLine(3, "collector 'jdoe' is not a user of this company"),
                new RejectedLine(4, "currency 'EURO' is not a 3-letter currency code (e.g. EUR)"),
                new RejectedLine(5, "email 'not-an-email' is not an email address"));
        assertThat(fixtures.count("select count(*) from customer where tenant_id = :t and account like 'BAD-%'", t.id()))
                .isZero();

        ImportReport partial = run(t.admin(), partial(ImportKind.CUSTOMERS), file("customers-bad-references.csv"));
        counts(partial, ImportState.SUCCEEDED, 1, 0, 0, 0, 3);
        assertThat(fixtures.count("select count(*) from customer where tenant_id = :t and account like 'BAD-%'", t.id()))
                .isEqualTo(1);
    }

    // ---- customers: scenarios -----------------------------------------------------------------------------

    private static final String SCENARIO_OF = """
            select coalesce(sc.name, '(default)') from customer c left join scenario sc on sc.id = c.scenario_id
            where c.tenant_id = :t and c.account = :k""";

    private static final String SCENARIO_EVENTS = """
            select count(*) from event e join customer c on c.id = e.customer_id
            where c.tenant_id = :t and e.type = 'SCENARIO_ASSIGNED'""";

    private List<String> scenarioEvents(long tenant, String account) {
        return db.sql("""
                        select e.payload->>'scenario' as scenario from event e join customer c on c.id = e.customer_id
                        where c.tenant_id = :t and c.account = :a and e.type = 'SCENARIO_ASSIGNED' order by e.seq""")
                .bind("t", tenant).bind("a", account)
                .map((r, m) -> r.get("scenario", String.class)).all().collectList().block();
    }

    @Test
    void aScenarioColumnNamesTheScenarioInAnyCaseABlankCellLeavesItAndOnlyChangesAreAnnounced() {
        Tenant t = fixtures.tenant();
        ImportReport first = run(t.admin(), ImportKind.CUSTOMERS, text("""
                account;name;Scénario de relance
                SC-001;One;export
                SC-002;Two;
                SC-003;Three; STRATEGIC accounts\s
                """));
        counts(first, ImportState.SUCCEEDED, 3, 0, 0, 0, 0);
        assertThat(fixtures.text(SCENARIO_OF, t.id(), "SC-001")).isEqualTo("Export");
        assertThat(fixtures.text(SCENARIO_OF, t.id(), "SC-002")).isEqualTo("(default)");
        assertThat(fixtures.text(SCENARIO_OF, t.id(), "SC-003")).isEqualTo("Strategic accounts");
        assertThat(scenarioEvents(t.id(), "SC-001")).containsExactly("Export");
        assertThat(scenarioEvents(t.id(), "SC-002")).isEmpty();
        assertThat(db.sql("""
                        select e.payload::text as p, e.actor_name from event e join customer c on c.id = e.customer_id
                        where c.tenant_id = :t and c.account = 'SC-003' and e.type = 'SCENARIO_ASSIGNED'""")
                .bind("t", t.id()).map((r, m) -> r.get("p", String.class) + " by " + r.get("actor_name", String.class))
                .one().block())
                .contains("\"default\": false").contains("\"scenario\": \"Strategic accounts\"")
                .contains("\"scenarioId\": ").endsWith(" by " + t.admin().name());

        // SC-001 moves, SC-002's blank leaves it on the default, SC-003 names the scenario it already follows
        ImportReport second = run(t.collector(), ImportKind.CUSTOMERS, text("""
                account;name;scenario
                SC-001;One;Standard
                SC-002;Two;
                SC-003;Three;strategic accounts
                """));
        counts(second, ImportState.SUCCEEDED, 0, 1, 2, 0, 0);
        assertThat(fixtures.text(SCENARIO_OF, t.id(), "SC-001")).isEqualTo("Standard");
        assertThat(scenarioEvents(t.id(), "SC-001")).containsExactly("Export", "Standard");
        assertThat(scenarioEvents(t.id(), "SC-003")).containsExactly("Strategic accounts");
        assertThat(fixtures.count(SCENARIO_EVENTS, t.id())).isEqualTo(3);

        // a file without the column leaves every scenario as it is
        counts(run(t.admin(), ImportKind.CUSTOMERS, text("account;name\nSC-001;One renamed\n")),
                ImportState.SUCCEEDED, 0, 1, 0, 0, 0);
        assertThat(fixtures.text(SCENARIO_OF, t.id(), "SC-001")).isEqualTo("Standard");
        assertThat(fixtures.count(SCENARIO_EVENTS, t.id())).isEqualTo(3);
    }

    @Test
    void anUnknownScenarioRejectsItsLineWithTheKnownNamesAndNothingIsHalfSaved() {
        Tenant t = fixtures.tenant();
        counts(run(t.admin(), ImportKind.CUSTOMERS, text("account,name\nUS-001,One\nUS-002,Two\n")),
                ImportState.SUCCEEDED, 2, 0, 0, 0, 0);
        // another company's scenario is no scenario of this one
        Tenant other = fixtures.tenant();
        db.sql("update scenario set name = 'Only Elsewhere' where tenant_id = :t and name = 'Export'")
                .bind("t", other.id()).then().block();

        ImportReport rejected = run(t.admin(), ImportKind.CUSTOMERS, text("""
                account,name,scenario,collector
                US-001,One renamed,Export,
                US-002,Two,Only Elsewhere,
                US-003,Three,Nope,nobody
                """));
        counts(rejected, ImportState.REJECTED, 0, 0, 0, 0, 2);
        assertThat(rejected.rejected()).containsExactly(
                new RejectedLine(3, "scenario 'Only Elsewhere' is not a scenario of this company "
                        + "(known: Export, Standard, Strategic accounts)"),
                new RejectedLine(4, "collector 'nobody' is not a user of this company; scenario 'Nope' is not a "
                        + "scenario of this company (known: Export, Standard, Strategic accounts)"));
        // the good line was not saved either: name, scenario, events
        assertThat(fixtures.text("select name from customer where tenant_id = :t and account = :k", t.id(), "US-001"))
                .isEqualTo("One");
        assertThat(fixtures.text(SCENARIO_OF, t.id(), "US-001")).isEqualTo("(default)");
        assertThat(fixtures.count(SCENARIO_EVENTS, t.id())).isZero();
        assertThat(fixtures.count("select count(*) from customer where tenant_id = :t", t.id())).isEqualTo(2);

        // partly: the good line goes in, the bad ones are reported again
        ImportReport partial = run(t.admin(), partial(ImportKind.CUSTOMERS), text("""
                account,name,scenario
                US-001,One,EXPORT
                US-002,Two,Only Elsewhere
                """));
        counts(partial, ImportState.SUCCEEDED, 0, 1, 0, 0, 1);
        assertThat(partial.rejected()).extracting(RejectedLine::line).containsExactly(3L);
        assertThat(fixtures.text(SCENARIO_OF, t.id(), "US-001")).isEqualTo("Export");
        assertThat(fixtures.text(SCENARIO_OF, t.id(), "US-002")).isEqualTo("(default)");
        assertThat(fixtures.count(SCENARIO_EVENTS, t.id())).isEqualTo(1);
        // and the other company's accounts were never touched
        assertThat(fixtures.count(SCENARIO_EVENTS, other.id())).isZero();
    }

    @Test
    void theScenarioColumnIsOfferedToTheMappingAndASavedMappingReadsIt() {
        assertThat(ColumnMappings.columns(ImportKind.CUSTOMERS)).contains("scenario");
        assertThat(ColumnMappings.columns(ImportKind.ITEMS)).doesNotContain("scenario");
        Tenant t = fixtures.tenant();
        mappings.save(t.admin(), ImportKind.CUSTOMERS, Map.of("Plan de relance", "scenario")).as(StepVerifier::create)
                .verifyComplete();
        counts(run(t.admin(), ImportKind.CUSTOMERS, text("account;name;Plan de relance\nMAP-1;Mapped;Export\n")),
                ImportState.SUCCEEDED, 1, 0, 0, 0, 0);
        assertThat(fixtures.text(SCENARIO_OF, t.id(), "MAP-1")).isEqualTo("Export");
    }

    @Test
    void thousandsOfScenarioLinesGoInSetBased() {
        Tenant t = fixtures.tenant();
        StringBuilder csv = new StringBuilder("account;name;scenario\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("BULK-").append(i).append(";Bulk ").append(i).append(';').append(i % 2 == 0 ? "Export" : "").append('\n');
        }
        counts(run(t.admin(), ImportKind.CUSTOMERS, text(csv.toString())), ImportState.SUCCEEDED, 3000, 0, 0, 0, 0);
        assertThat(fixtures.count("select count(*) from customer c join scenario s on s.id = c.scenario_id "
                + "where c.tenant_id = :t and s.name = 'Export'", t.id())).isEqualTo(1500);
        assertThat(fixtures.count(SCENARIO_EVENTS, t.id())).isEqualTo(1500);
    }

    // ---- contacts -----------------------------------------------------------------------------------------

    private Tenant tenantWithCustomers() {
        Tenant t = fixtures.tenant();
        counts(run(t.admin(), ImportKind.CUSTOMERS, text("""
                account,name
                CUST-001,One
                CUST-002,Two
                CUST-003,Three
                """)), ImportState.SUCCEEDED, 3, 0, 0, 0, 0);
        return t;
    }

    @Test
    void contactsWithFrenchHeadersAndYesNoFlags() {
        Tenant t = tenantWithCustomers();
        counts(run(t.collector(), ImportKind.CONTACTS, file("contacts-fr.csv")), ImportState.SUCCEEDED, 3, 0, 0, 0, 0);
        assertThat(fixtures.text("""
                select string_agg(k.name || ':' || coalesce(k.role, '') || ':' || k.collection_contact, ',' order by k.name)
                from contact k join customer c on c.id = k.customer_id where c.tenant_id = :t and c.account = :k""",
                t.id(), "CUST-001")).isEqualTo("Jeanne Durand:Comptable fournisseurs:true,Marc Petit:DAF:false");
        counts(run(t.collector(), ImportKind.CONTACTS, file("contacts-fr.csv")), ImportState.SUCCEEDED, 0, 0, 3, 0, 0);

        // same contact, other case and a new role: the contact is updated, not duplicated
        counts(run(t.collector(), ImportKind.CONTACTS, text("account;name;role\nCUST-001;JEANNE DURAND;Chef comptable\n")),
                ImportState.SUCCEEDED, 0, 1, 0, 0, 0);
        assertThat(fixtures.text("""
                select string_agg(k.name || ':' || k.role || ':' || k.collection_contact, ',') from contact k
                join customer c on c.id = k.customer_id where c.tenant_id = :t and c.account = :k and lower(k.name) like 'jeanne%'""",
                t.id(), "CUST-001")).isEqualTo("JEANNE DURAND:Chef comptable:true");
    }

    @Test
    void contactsOfUnknownAccountsAndBadFlagsAreRejected() {
        Tenant t = tenantWithCustomers();
        ImportReport rejected = run(t.admin(), ImportKind.CONTACTS, file("contacts-bad.csv"));
        counts(rejected, ImportState.REJECTED, 0, 0, 0, 0, 2);
        assertThat(rejected.rejected()).containsExactly(
                new RejectedLine(3, "account 'NOPE-999' is not a known customer (import customers first)"),
                new RejectedLine(4, "collection_contact 'maybe' is not yes or no (expected yes/no, true/false, 1/0, oui/non or x)"));
        ImportReport partial = run(t.admin(), partial(ImportKind.CONTACTS), file("contacts-bad.csv"));
        counts(partial, ImportState.SUCCEEDED, 1, 0, 0, 0, 2);
        assertThat(partial.message()).contains("1 duplicate line counted once");
    }

    // ---- items --------------------------------------------------------------------------------------------

    @Test
    void itemsOfAFrenchErpWithDecimalCommasCreateTheirAccounts() {
        Tenant t = fixtures.tenant();
        ImportReport report = run(t.collector(), ImportKind.ITEMS, file("items-fr-decimal-comma.csv"));
        counts(report, ImportState.SUCCEEDED, 5, 0, 0, 0, 0);
        assertThat(report.accountsCreated()).isEqualTo(2);
        assertThat(fixtures.item(t.id(), "F-2026-001")).isEqualTo(new ImportFixtures.Item("ACME", "INVOICE",
                "F-2026-001", "2026-01-05", "2026-02-04", new BigDecimal("1234.5600"), new BigDecimal("1234.5600"),
                "EUR", null, false, 0));
        assertThat(fixtures.item(t.id(), "F-2026-002").openAmount()).isEqualByComparingTo("2500.50");
        assertThat(fixtures.item(t.id(), "F-2026-002").amount()).isEqualByComparingTo("10000");
        assertThat(fixtures.item(t.id(), "AV-2026-001").amount()).isEqualByComparingTo("-150");
        assertThat(fixtures.item(t.id(), "AV-2026-001").type()).isEqualTo("CREDIT_NOTE");
        assertThat(fixtures.item(t.id(), "RG-17").type()).isEqualTo("UNALLOCATED_PAYMENT");
        assertThat(fixtures.item(t.id(), "RG-17").openAmount()).isEqualByComparingTo("-500");
        assertThat(fixtures.item(t.id(), "F-2026-003").openAmount()).isEqualByComparingTo("99.9");
        assertThat(fixtures.item(t.id(), "F-2026-003").currency()).isEqualTo("EUR");
        assertThat(fixtures.text("select name from customer where tenant_id = :t and account = :k", t.id(), "ACME"))
                .isEqualTo("ACME Industries");
        // the account balances were refreshed with the import
        assertThat(fixtures.text("""
                select b.balance::text from customer_balance b join customer c on c.id = b.customer_id
                where c.tenant_id = :t and c.account = :k""", t.id(), "ACME")).isEqualTo("3585.0600");
    }

    @Test
    void itemsWithCommasQuotedThousandsAndEnglishTypes() {
        Tenant t = fixtures.tenant();
        counts(run(t.admin(), ImportKind.ITEMS, file("items-en-comma.csv")), ImportState.SUCCEEDED, 3, 0, 0, 0, 0);
        assertThat(fixtures.item(t.id(), "INV-1").amount()).isEqualByComparingTo("1234.56");
        assertThat(fixtures.item(t.id(), "INV-1").currency()).isEqualTo("USD");
        assertThat(fixtures.item(t.id(), "CN-1").amount()).isEqualByComparingTo("-20");
        assertThat(fixtures.item(t.id(), "PAY-1").openAmount()).isEqualByComparingTo("-75.5");
        assertThat(fixtures.text("select name || '/' || currency from customer where tenant_id = :t and account = :k",
                t.id(), "GAMMA")).isEqualTo("GAMMA/USD");
    }

    @Test
    void itemsTabSeparatedWithDottedDatesAndDotThousands() {
        Tenant t = fixtures.tenant();
        counts(run(t.admin(), ImportKind.ITEMS, file("items-tab-dotted.csv")), ImportState.SUCCEEDED, 3, 0, 0, 0, 0);
        assertThat(fixtures.item(t.id(), "RE-101").amount()).isEqualByComparingTo("12345678.90");
        assertThat(fixtures.item(t.id(), "RE-101").openAmount()).isEqualByComparingTo("345");
        assertThat(fixtures.item(t.id(), "RE-101").dueDate()).isEqualTo("2026-03-05");
        assertThat(fixtures.item(t.id(), "GS-7").amount()).isEqualByComparingTo("-12.50");
    }

    @Test
    void identicalDuplicateLinesCountOnceAndBlankLinesAreSkipped() {
        Tenant t = fixtures.tenant();
        ImportReport report = run(t.admin(), ImportKind.ITEMS, file("items-duplicates-identical.csv"));
        counts(report, ImportState.SUCCEEDED, 3, 0, 0, 0, 0);
        assertThat(report.lines()).isEqualTo(4);
        assertThat(report.message()).contains("1 duplicate line counted once");
    }

    @Test
    void conflictingDuplicateLinesAreBothRejected() {
        Tenant t = fixtures.tenant();
        ImportReport rejected = run(t.admin(), ImportKind.ITEMS, file("items-duplicates-conflicting.csv"));
        counts(rejected, ImportState.REJECTED, 0, 0, 0, 0, 2);
        assertThat(rejected.rejected()).containsExactly(
                new RejectedLine(2, "number X-1 (invoice) is also on line 4 with different values"),
                new RejectedLine(4, "number X-1 (invoice) is also on line 2 with different values"));
        counts(run(t.admin(), partial(ImportKind.ITEMS), file("items-duplicates-conflicting.csv")),
                ImportState.SUCCEEDED, 2, 0, 0, 0, 2);
        assertThat(fixtures.item(t.id(), "X-1")).isNull();
    }

    @Test
    void everyKindOfBadItemLineIsReportedWithTheLineAnEditorShows() {
        Tenant t = fixtures.tenant();
        ImportReport rejected = run(t.admin(), ImportKind.ITEMS, file("items-bad-lines.csv"));
        counts(rejected, ImportState.REJECTED, 0, 0, 0, 0, 6);
        assertThat(rejected.lines()).isEqualTo(8);
        assertThat(rejected.rejected()).containsExactly(
                new RejectedLine(5, "due_date '31/02/2026' is not a date (expected yyyy-MM-dd, dd/MM/yyyy or dd.MM.yyyy)"),
                new RejectedLine(6, "amount '12,34,5' is not an amount (expected e.g. 1234.56, 1 234,56, 1.234,56 or 1,234.56)"),
                new RejectedLine(7, "type 'bon de livraison' is unknown (expected invoice, credit_note or payment)"),
                new RejectedLine(8, "account is empty"),
                new RejectedLine(9, "currency 'EURO' is not a 3-letter currency code (e.g. EUR)"),
                new RejectedLine(11, "issue_date '2026/01/01' is not a date (expected yyyy-MM-dd, dd/MM/yyyy or dd.MM.yyyy); "
                        + "due_date is empty; amount 'abc' is not an amount (expected e.g. 1234.56, 1 234,56, 1.234,56 or 1,234.56)"));
        assertThat(fixtures.count("select count(*) from open_item where tenant_id = :t", t.id())).isZero();
        assertThat(fixtures.count("select count(*) from customer where tenant_id = :t", t.id())).isZero();

        ImportReport partial = run(t.admin(), partial(ImportKind.ITEMS), file("items-bad-lines.csv"));
        counts(partial, ImportState.SUCCEEDED, 2, 0, 0, 0, 6);
        assertThat(fixtures.item(t.id(), "B-1").reference()).isEqualTo("PO 1\nsecond line of the reference\nthird");
    }

    @Test
    void aMissingRequiredColumnRejectsTheFileNamingIt() {
        Tenant t = fixtures.tenant();
        ImportReport report = run(t.admin(), ImportKind.ITEMS, file("items-missing-column.csv"));
        assertThat(report.state()).isEqualTo(ImportState.REJECTED);
        assertThat(report.message()).startsWith("missing required column due_date");
    }

    @Test
    void anUnterminatedQuoteRejectsTheFileFromItsLine() {
        Tenant t = fixtures.tenant();
        ImportReport report = run(t.admin(), ImportKind.ITEMS, file("items-malformed-quote.csv"));
        assertThat(report.state()).isEqualTo(ImportState.REJECTED);
        assertThat(report.message()).startsWith("line 3: ");
        assertThat(fixtures.count("select count(*) from open_item where tenant_id = :t", t.id())).isZero();
    }

    @Test
    void aSavedColumnMappingReadsTheTenantsOwnHeaders() {
        Tenant t = fixtures.tenant();
        Path csv = file("items-custom-headers.csv");
        assertThat(run(t.admin(), ImportKind.ITEMS, csv).message())
                .startsWith("missing required columns account, due_date, amount");
        Map<String, String> mapping = Map.of("Code tiers", "account", "Pièce", "number", "Date limite", "due_date",
                "Valeur", "amount", "Libellé", "reference");
        mappings.save(t.collector(), ImportKind.ITEMS, mapping).as(StepVerifier::create).verifyComplete();
        mappings.read(t.admin(), ImportKind.ITEMS).as(StepVerifier::create).expectNext(mapping).verifyComplete();
        counts(run(t.admin(), ImportKind.ITEMS, csv), ImportState.SUCCEEDED, 2, 0, 0, 0, 0);
        assertThat(fixtures.item(t.id(), "P-2").reference()).isEqualTo("second");

        mappings.save(t.sales(), ImportKind.ITEMS, Map.of()).as(StepVerifier::create)
                .expectError(AccessDeniedException.class).verify();
        mappings.save(t.admin(), ImportKind.ITEMS, Map.of("x", "colour")).as(StepVerifier::create)
                .expectError(IllegalArgumentException.class).verify();
    }

    @Test
    void aSnapshotClosesWhatIsMissingRecordsReceiptsAndReimportingChangesNothing() {
        Tenant t = fixtures.tenant();
        counts(run(t.admin(), ImportKind.ITEMS, file("items-snapshot-day1.csv")), ImportState.SUCCEEDED, 4, 0, 0, 0, 0);
        counts(run(t.admin(), ImportKind.ITEMS, file("items-snapshot-day1.csv")), ImportState.SUCCEEDED, 0, 0, 4, 0, 0);
        assertThat(fixtures.count("select max(version) from open_item where tenant_id = :t", t.id())).isZero();

        ImportReport day2 = run(t.admin(), ImportKind.ITEMS, file("items-snapshot-day2.csv"));
        counts(day2, ImportState.SUCCEEDED, 1, 2, 1, 1, 0);
        ImportFixtures.Item paid = fixtures.item(t.id(), "S-2");
        assertThat(paid.closed()).isTrue();
        assertThat(paid.openAmount()).isEqualByComparingTo("0");
        assertThat(paid.amount()).isEqualByComparingTo("500");
        assertThat(paid.version()).isEqualTo(1);
        assertThat(fixtures.item(t.id(), "S-3").amount()).isEqualByComparingTo("320");
        assertThat(fixtures.text("""
                select string_agg(i.number || ':' || r.amount::numeric(19,2), ',' order by i.number) from cash_receipt r
                join open_item i on i.id = r.open_item_id where r.tenant_id = :t and r.import_run_id::text = :k""",
                t.id(), String.valueOf(day2.importRunId()))).isEqualTo("S-1:600.00,S-2:500.00");
        assertThat(fixtures.text("""
                select string_agg(c.account || ':' || rc.created || '/' || rc.updated || '/' || rc.closed, ',' order by c.account)
                from import_run_customer rc join customer c on c.id = rc.customer_id
                where rc.tenant_id = :t and rc.import_run_id::text = :k""", t.id(), String.valueOf(day2.importRunId())))
                .isEqualTo("SNAP-1:0/1/1,SNAP-2:1/1/0");
        assertThat(fixtures.text("""
                select b.balance::numeric(19,2)::text from customer_balance b join customer c on c.id = b.customer_id
                where c.tenant_id = :t and c.account = :k""", t.id(), "SNAP-1")).isEqualTo("400.00");

        ImportReport again = run(t.admin(), ImportKind.ITEMS, file("items-snapshot-day2.csv"));
        counts(again, ImportState.SUCCEEDED, 0, 0, 4, 0, 0);
        assertThat(fixtures.count("select count(*) from cash_receipt where tenant_id = :t", t.id())).isEqualTo(2);

        long customer = fixtures.count("select id from customer where tenant_id = :t and account = 'SNAP-1'", t.id());
        runs.ofCustomer(t.collector(), customer).map(CustomerImportRun::importRunId).collectList()
                .as(StepVerifier::create)
                .assertNext(ids -> assertThat(ids).contains(day2.importRunId()).doesNotContain(again.importRunId()))
                .verifyComplete();

        // a partial snapshot whose S-1 line is bad keeps S-1 open: a typo is not a payment
        ImportReport day3 = run(t.admin(), partial(ImportKind.ITEMS), file("items-snapshot-day3-partial.csv"));
        counts(day3, ImportState.SUCCEEDED, 0, 0, 1, 2, 1);
        assertThat(fixtures.item(t.id(), "S-1").closed()).isFalse();
        assertThat(fixtures.item(t.id(), "S-5").closed()).isTrue();
    }

    @Test
    void everyAccountAnImportChangedGetsOneEventWithItsNewFigures() {
        Tenant t = fixtures.tenant();
        run(t.admin(), ImportKind.ITEMS, file("items-snapshot-day1.csv"));
        long snap1 = fixtures.count("select id from customer where tenant_id = :t and account = 'SNAP-1'", t.id());
        long snap2 = fixtures.count("select id from customer where tenant_id = :t and account = 'SNAP-2'", t.id());
        assertThat(fixtures.count("select event_seq from customer where id = :t", snap1)).isEqualTo(1);

        ImportReport day2 = run(t.admin(), ImportKind.ITEMS, file("items-snapshot-day2.csv"));
        streams.history(t.id(), snap1, HistoryFilter.ALL, 10).collectList()
                .as(StepVerifier::create)
                .assertNext(events -> {
                    assertThat(events).extracting(AccountEvent::type)
                            .containsExactly(EventType.ITEMS_IMPORTED, EventType.ITEMS_IMPORTED);
                    AccountEvent latest = events.get(0);
                    assertThat(latest.seq()).isEqualTo(2);
                    assertThat(latest.actorName()).isEqualTo(t.admin().name());
                    assertThat(latest.payload()).contains("\"importRunId\": " + day2.importRunId())
                            .contains("\"closed\": 1").contains("\"balance\": 400");
                })
                .verifyComplete();
        assertThat(fixtures.count("select event_seq from customer where id = :t", snap2)).isEqualTo(2);

        // re-importing the same snapshot changes nothing, so it tells nobody anything
        run(t.admin(), ImportKind.ITEMS, file("items-snapshot-day2.csv"));
        assertThat(fixtures.count("select event_seq from customer where id = :t", snap1)).isEqualTo(2);
    }

    @Test
    void anUpsertOfItemsClosesNothingAndAReappearingItemIsReopened() {
        Tenant t = fixtures.tenant();
        run(t.admin(), ImportKind.ITEMS, file("items-snapshot-day1.csv"));
        counts(run(t.admin(), ImportKind.ITEMS, file("items-snapshot-day2.csv")), ImportState.SUCCEEDED, 1, 2, 1, 1, 0);
        ImportReport upsert = run(t.admin(), ImportRequest.of(ImportKind.ITEMS, ImportSource.UPLOAD, null)
                .withMode(ImportMode.UPSERT), file("items-snapshot-day1.csv"));
        // S-1 open amount back up, S-2 reopened, S-3 amount back: updated; S-4 unchanged; S-5 not closed
        counts(upsert, ImportState.SUCCEEDED, 0, 3, 1, 0, 0);
        assertThat(fixtures.item(t.id(), "S-2").closed()).isFalse();
        assertThat(fixtures.item(t.id(), "S-5").closed()).isFalse();
    }

    @Test
    void anotherTenantsSameNumberedItemsAreNeverTouched() {
        TestTenants.Other other = testTenants.create("impiso" + System.nanoTime() % 100000);
        Tenant mine = fixtures.tenant();
        // the demo company's items closed from now on (other tests close some of their own before)
        long closedBefore = fixtures.count("select count(*) from open_item where tenant_id = :t and closed_at is not null", 1);
        counts(run(mine.admin(), ImportKind.ITEMS, file("items-isolation.csv")), ImportState.SUCCEEDED, 1, 0, 0, 0, 0);
        counts(run(mine.admin(), ImportKind.ITEMS, file("items-snapshot-day1.csv")), ImportState.SUCCEEDED, 4, 0, 0, 1, 0);
        ImportFixtures.Item theirs = fixtures.item(other.tenantId(), "INV-1");
        assertThat(theirs.closed()).isFalse();
        assertThat(theirs.amount()).isEqualByComparingTo("999.99");
        assertThat(fixtures.item(mine.id(), "INV-1").closed()).isTrue();
        assertThat(fixtures.count("select count(*) from open_item where tenant_id = :t and closed_at is not null", 1))
                .isEqualTo(closedBefore);
    }

    @Test
    void aSalesManagerCannotImport() {
        Tenant t = fixtures.tenant();
        imports.run(t.sales(), ImportRequest.of(ImportKind.ITEMS, ImportSource.UPLOAD, null),
                        file("items-en-comma.csv"), ImportProgress.NONE)
                .as(StepVerifier::create)
                .expectError(AccessDeniedException.class)
                .verify();
    }

    @Test
    void progressIsReportedAndEveryRunIsRecorded() {
        Tenant t = fixtures.tenant();
        List<ImportPhase> phases = new CopyOnWriteArrayList<>();
        StringBuilder csv = new StringBuilder("account;number;due_date;amount\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("P-").append(i % 50).append(";N-").append(i).append(";2026-05-01;").append(i).append(",5\n");
        }
        imports.run(t.admin(), ImportRequest.of(ImportKind.ITEMS, ImportSource.UPLOAD, "big.csv"), text(csv.toString()),
                        (phase, lines, fraction) -> phases.add(phase))
                .as(StepVerifier::create)
                .assertNext(r -> counts(r, ImportState.SUCCEEDED, 20_000, 0, 0, 0, 0))
                .verifyComplete();
        assertThat(phases).contains(ImportPhase.READING, ImportPhase.CHECKING, ImportPhase.MERGING, ImportPhase.DONE);
        assertThat(phases.getLast()).isEqualTo(ImportPhase.DONE);

        ImportReport rejected = run(t.admin(), ImportKind.ITEMS, file("items-bad-lines.csv"));
        runs.recent(t.admin(), 0, 10).as(StepVerifier::create)
                .assertNext(r -> {
                    assertThat(r.id()).isEqualTo(rejected.importRunId());
                    assertThat(r.state()).isEqualTo(ImportState.REJECTED);
                    assertThat(r.rejected()).isEqualTo(6);
                    assertThat(r.userLogin()).isEqualTo(t.admin().login());
                })
                .assertNext(r -> {
                    assertThat(r.state()).isEqualTo(ImportState.SUCCEEDED);
                    assertThat(r.created()).isEqualTo(20_000);
                    assertThat(r.fileName()).isEqualTo("big.csv");
                })
                .verifyComplete();
        runs.find(t.collector(), rejected.importRunId()).as(StepVerifier::create)
                .assertNext(d -> assertThat(d.errors()).hasSize(6).first().extracting(RejectedLine::line).isEqualTo(5L))
                .verifyComplete();
        Tenant stranger = fixtures.tenant();
        runs.find(stranger.admin(), rejected.importRunId()).as(StepVerifier::create).verifyComplete();
        runs.recent(t.sales(), 0, 10).as(StepVerifier::create).expectError(AccessDeniedException.class).verify();
    }
}
