package org.opendso.status;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The statuses of a tenant. */
@Service
public class Statuses {

    static final String COLUMNS = "id, code, label_en, label_fr, category, follow_up_days, standard, version";

    private final DatabaseClient db;

    Statuses(DatabaseClient db) {
        this.db = db;
    }

    public Flux<ItemStatus> all(long tenantId) {
        return db.sql("select " + COLUMNS + " from item_status where tenant_id = :tenant order by category, label_en")
                .bind("tenant", tenantId)
                .map(Statuses::status)
                .all();
    }

    /** The status with this code in the tenant, or empty. */
    public Mono<ItemStatus> byCode(long tenantId, String code) {
        return db.sql("select " + COLUMNS + " from item_status where tenant_id = :tenant and code = :code")
                .bind("tenant", tenantId)
                .bind("code", code)
                .map(Statuses::status)
                .one();
    }

    static ItemStatus status(Readable row) {
        return new ItemStatus(
                row.get("id", Long.class),
                row.get("code", String.class),
                row.get("label_en", String.class),
                row.get("label_fr", String.class),
                StatusCategory.valueOf(row.get("category", String.class)),
                row.get("follow_up_days", Integer.class),
                row.get("standard", Boolean.class),
                row.get("version", Long.class));
    }
}
