package org.opendso.importer;

import io.r2dbc.postgresql.codec.Json;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import_run row of a run: written RUNNING before any work (on its own, so that even a run that fails
 * is on record), finished with its outcome.
 */
@Component
class RunLog {

    private final DatabaseClient db;
    private final JsonMapper json;

    RunLog(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<Long> start(long tenantId, Long userId, ImportRequest request) {
        var spec = db.sql("""
                        insert into import_run (tenant_id, user_id, kind, source, mode, file_name, state)
                        values (:tenant, :user, :kind, :source, :mode, :file, 'RUNNING')
                        returning id""")
                .bind("tenant", tenantId)
                .bind("kind", request.kind().name())
                .bind("source", request.source().name())
                .bind("mode", request.mode().name());
        spec = userId == null ? spec.bindNull("user", Long.class) : spec.bind("user", userId);
        spec = request.fileName() == null ? spec.bindNull("file", String.class) : spec.bind("file", request.fileName());
        return spec.map(row -> row.get("id", Long.class)).one();
    }

    Mono<Void> finish(ImportReport report) {
        var spec = db.sql("""
                        update import_run set state = :state, finished_at = now(), lines = :lines,
                            created = :created, updated = :updated, unchanged = :unchanged, closed = :closed,
                            rejected = :rejected, errors = :errors, message = :message
                        where id = :id""")
                .bind("id", report.importRunId())
                .bind("state", report.state().name())
                .bind("lines", (int) report.lines())
                .bind("created", (int) report.created())
                .bind("updated", (int) report.updated())
                .bind("unchanged", (int) report.unchanged())
                .bind("closed", (int) report.closed())
                .bind("rejected", (int) report.rejectedCount())
                .bind("errors", Json.of(json.writeValueAsString(report.rejected())));
        spec = report.message() == null ? spec.bindNull("message", String.class) : spec.bind("message", report.message());
        return spec.then();
    }

    List<RejectedLine> errors(Json errors) {
        return List.of(json.readValue(errors.asString(), RejectedLine[].class));
    }
}
