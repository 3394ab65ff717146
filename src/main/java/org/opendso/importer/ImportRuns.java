package org.opendso.importer;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The record of imports, always within the staff member's tenant. The list and a run's details are for
 * admins and collectors (they name every account of a file); an account's own import history is for anyone
 * who can open that account, which the caller has checked.
 */
@Service
public class ImportRuns {

    private static final String SELECT = """
            select r.id, r.kind, r.source, r.mode, r.file_name, u.login, u.name as user_name, r.state,
                   r.started_at, r.finished_at, r.lines, r.created, r.updated, r.unchanged, r.closed, r.rejected,
                   r.message
            from import_run r left join app_user u on u.id = r.user_id
            """;

    private final DatabaseClient db;
    private final RunLog log;

    ImportRuns(DatabaseClient db, RunLog log) {
        this.db = db;
        this.log = log;
    }

    /** The tenant's runs, newest first. */
    public Flux<ImportRun> recent(Staff staff, int page, int size) {
        if (staff.role() == Role.SALES_MANAGER) {
            return Flux.error(denied());
        }
        return db.sql(SELECT + " where r.tenant_id = :tenant order by r.started_at desc, r.id desc limit :limit offset :offset")
                .bind("tenant", staff.tenantId())
                .bind("limit", size)
                .bind("offset", (long) page * size)
                .map(ImportRuns::run)
                .all();
    }

    public Mono<Long> count(Staff staff) {
        if (staff.role() == Role.SALES_MANAGER) {
            return Mono.error(denied());
        }
        return db.sql("select count(*) as n from import_run where tenant_id = :tenant")
                .bind("tenant", staff.tenantId())
                .map(row -> row.get("n", Long.class)).one();
    }

    /** One run of the tenant with its rejected lines; empty for another tenant's run. */
    public Mono<ImportRunDetails> find(Staff staff, long id) {
        if (staff.role() == Role.SALES_MANAGER) {
            return Mono.error(denied());
        }
        return db.sql(SELECT.replace("r.message", "r.message, r.errors") + " where r.tenant_id = :tenant and r.id = :id")
                .bind("tenant", staff.tenantId())
                .bind("id", id)
                .map(row -> new ImportRunDetails(run(row), log.errors(row.get("errors", Json.class))))
                .one();
    }

    /** The runs that created, changed or closed something of the account, newest first. */
    public Flux<CustomerImportRun> ofCustomer(Staff staff, long customerId) {
        return db.sql("""
                        select r.id, r.kind, r.source, r.file_name, u.name as user_name, r.started_at,
                               rc.created, rc.updated, rc.closed
                        from import_run_customer rc
                        join import_run r on r.id = rc.import_run_id
                        left join app_user u on u.id = r.user_id
                        where rc.tenant_id = :tenant and rc.customer_id = :customer and r.tenant_id = :tenant
                        order by r.started_at desc, r.id desc
                        limit 200""")
                .bind("tenant", staff.tenantId())
                .bind("customer", customerId)
                .map(row -> new CustomerImportRun(row.get("id", Long.class),
                        ImportKind.valueOf(row.get("kind", String.class)),
                        ImportSource.valueOf(row.get("source", String.class)),
                        row.get("file_name", String.class), row.get("user_name", String.class),
                        row.get("started_at", OffsetDateTime.class), row.get("created", Integer.class),
                        row.get("updated", Integer.class), row.get("closed", Integer.class)))
                .all();
    }

    private static ImportRun run(Readable row) {
        return new ImportRun(row.get("id", Long.class),
                ImportKind.valueOf(row.get("kind", String.class)),
                ImportSource.valueOf(row.get("source", String.class)),
                ImportMode.valueOf(row.get("mode", String.class)),
                row.get("file_name", String.class), row.get("login", String.class),
                row.get("user_name", String.class),
                ImportState.valueOf(row.get("state", String.class)),
                row.get("started_at", OffsetDateTime.class), row.get("finished_at", OffsetDateTime.class),
                row.get("lines", Integer.class), row.get("created", Integer.class),
                row.get("updated", Integer.class), row.get("unchanged", Integer.class),
                row.get("closed", Integer.class), row.get("rejected", Integer.class),
                row.get("message", String.class));
    }

    private static AccessDeniedException denied() {
        return new AccessDeniedException("Only administrators and collectors see the imports");
    }
}
