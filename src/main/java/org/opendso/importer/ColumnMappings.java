package org.opendso.importer;

import io.r2dbc.postgresql.codec.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant's saved column mapping per kind: {@code {"their header": "canonical column"}}, consulted before
 * the built-in aliases. Map a header to {@link #IGNORE} to leave a column out (e.g. when two of them would
 * mean the same thing).
 */
@Service
public class ColumnMappings {

    public static final String IGNORE = "ignore";

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() { };

    private final DatabaseClient db;
    private final JsonMapper json;

    ColumnMappings(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The canonical columns of a kind, in order, e.g. account, type, number, ... for items. */
    public static List<String> columns(ImportKind kind) {
        return Columns.of(kind).stream().map(Column::name).toList();
    }

    public static List<String> requiredColumns(ImportKind kind) {
        return Columns.of(kind).stream().filter(Column::required).map(Column::name).toList();
    }

    /**
     * What each header of a file's header line would be read as (canonical column, or null if ignored),
     * with the given mapping: lets a screen show the mapping before importing.
     */
    public static Map<String, String> resolve(ImportKind kind, List<String> headers, Map<String, String> mapping) {
        Map<String, String> saved = SavedMapping.normalized(mapping);
        Set<String> known = Set.copyOf(columns(kind));
        Map<String, String> out = new LinkedHashMap<>();
        for (String header : headers) {
            String normalized = Columns.normalize(header);
            String canonical = saved.containsKey(normalized) ? saved.get(normalized) : Columns.alias(kind, normalized);
            out.put(header, canonical != null && known.contains(canonical) ? canonical : null);
        }
        return out;
    }

    public Mono<Map<String, String>> read(Staff staff, ImportKind kind) {
        return load(staff.tenantId(), kind);
    }

    /** Replaces the tenant's mapping of the kind. Admins and collectors only. */
    public Mono<Void> save(Staff staff, ImportKind kind, Map<String, String> mapping) {
        if (staff.role() == Role.SALES_MANAGER) {
            return Mono.error(new AccessDeniedException("Only administrators and collectors change import mappings"));
        }
        Set<String> allowed = new java.util.HashSet<>(columns(kind));
        allowed.add(IGNORE);
        Map<String, String> clean = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : mapping.entrySet()) {
            String header = entry.getKey() == null ? "" : entry.getKey().strip();
            String canonical = entry.getValue() == null ? "" : entry.getValue().strip();
            if (header.isEmpty() || canonical.isEmpty()) {
                continue;
            }
            if (!allowed.contains(canonical)) {
                return Mono.error(new IllegalArgumentException("'%s' is not a column of %s imports (columns: %s)"
                        .formatted(canonical, kind.path(), String.join(", ", columns(kind)))));
            }
            clean.put(header, canonical);
        }
        return db.sql("""
                        insert into column_mapping (tenant_id, kind, mapping) values (:tenant, :kind, :mapping)
                        on conflict (tenant_id, kind) do update set mapping = excluded.mapping""")
                .bind("tenant", staff.tenantId())
                .bind("kind", kind.name())
                .bind("mapping", Json.of(json.writeValueAsString(clean)))
                .then();
    }

    Mono<Map<String, String>> load(long tenantId, ImportKind kind) {
        return db.sql("select mapping from column_mapping where tenant_id = :tenant and kind = :kind")
                .bind("tenant", tenantId)
                .bind("kind", kind.name())
                .map(row -> row.get("mapping", Json.class))
                .one()
                .map(m -> (Map<String, String>) json.readValue(m.asString(), MAP))
                .defaultIfEmpty(Map.of());
    }

}
