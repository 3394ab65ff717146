package org.opendso.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.security.Staff;
import org.opendso.tenant.Companies;
import org.opendso.user.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** The importable credit limit: read like the other amounts, never negative, a blank cell removes it. */
@IntegrationTest
class CreditLimitImportIT {

    @Autowired
    ImportService imports;
    @Autowired
    Companies companies;
    @Autowired
    Users users;
    @Autowired
    DatabaseClient db;

    @Test
    void creditLimitsWithDecimalCommaAndGroupingAreImportedAndChangedLater() {
        ImportFixtures.Tenant t = new ImportFixtures(companies, users, db).tenant();
        ImportReport first = run(t.admin(), ImportRequest.of(ImportKind.CUSTOMERS, ImportSource.UPLOAD, null),
                ImportFixtures.text("""
                        Compte;Nom;Limite de crédit
                        CL-1;Alpha;50 000,00
                        CL-2;Beta;1.234,5
                        CL-3;Gamma;
                        """));
        assertThat(first.state()).as(first.message()).isEqualTo(ImportState.SUCCEEDED);
        assertThat(limits(t.id())).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "CL-1", "50000.0000", "CL-2", "1234.5000", "CL-3", "-")));

        // the same file again changes nothing; a new limit and a removed one count as updates
        ImportReport same = run(t.admin(), ImportRequest.of(ImportKind.CUSTOMERS, ImportSource.UPLOAD, null),
                ImportFixtures.text("Compte;Nom;Limite de crédit\nCL-1;Alpha;50 000,00\n"));
        assertThat(same.unchanged()).isEqualTo(1);
        ImportReport changed = run(t.admin(), ImportRequest.of(ImportKind.CUSTOMERS, ImportSource.UPLOAD, null),
                ImportFixtures.text("account,name,credit_limit\nCL-1,Alpha,\"75,000.00\"\nCL-2,Beta,\n"));
        assertThat(changed.updated()).isEqualTo(2);
        assertThat(limits(t.id())).containsEntry("CL-1", "75000.0000").containsEntry("CL-2", "-");

        // a file without the column keeps the limits
        run(t.admin(), ImportRequest.of(ImportKind.CUSTOMERS, ImportSource.UPLOAD, null),
                ImportFixtures.text("account,name\nCL-1,Alpha renamed\n"));
        assertThat(limits(t.id())).containsEntry("CL-1", "75000.0000");
    }

    @Test
    void aNegativeOrUnreadableLimitRejectsItsLineNamingTheColumn() {
        ImportFixtures.Tenant t = new ImportFixtures(companies, users, db).tenant();
        ImportReport report = run(t.admin(), ImportRequest.of(ImportKind.CUSTOMERS, ImportSource.UPLOAD, null),
                ImportFixtures.text("account;name;credit_limit\nNL-1;One;-5000\nNL-2;Two;lots\nNL-3;Three;10\n"));
        assertThat(report.state()).isEqualTo(ImportState.REJECTED);
        assertThat(report.rejected()).hasSize(2);
        assertThat(report.rejected().getFirst().reason()).contains("credit_limit '-5000'");
        assertThat(report.rejected().get(1).reason()).contains("credit_limit 'lots'");
        assertThat(limits(t.id())).isEmpty();
    }

    private ImportReport run(Staff staff, ImportRequest request, Path file) {
        return imports.run(staff, request, file, ImportProgress.NONE).block();
    }

    private Map<String, String> limits(long tenant) {
        Map<String, String> out = new TreeMap<>();
        db.sql("select account, credit_limit from customer where tenant_id = :t").bind("t", tenant)
                .map((r, m) -> {
                    BigDecimal limit = r.get("credit_limit", BigDecimal.class);
                    return Map.entry(r.get("account", String.class), limit == null ? "-" : limit.toPlainString());
                })
                .all().toIterable().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
