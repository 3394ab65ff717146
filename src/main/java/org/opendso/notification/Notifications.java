package org.opendso.notification;

import java.time.OffsetDateTime;
import org.opendso.customer.Visibility;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's notifications and their settings. Notifications are written by the database, in the transaction of
 * their cause (trigger {@code event_user_notifications}, V5_1): whoever qualifies or assigns, through whichever
 * service, the right users are told, and only they. Every read is the caller's own rows, on accounts they still see.
 */
@Service
public class Notifications {

    private final DatabaseClient db;
    private final JsonMapper json;

    Notifications(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The caller's notifications, newest first. */
    public Flux<UserNotification> list(Staff staff, boolean unreadOnly, long offset, int limit) {
        return Visibility.bind(db.sql(SELECT + """
                                 where n.tenant_id = :tenant and n.user_id = :user %s and %s
                                 order by n.id desc offset :offset limit :limit"""
                                .formatted(unreadOnly ? "and n.read_at is null" : "", Visibility.CONDITION))
                        .bind("tenant", staff.tenantId()).bind("user", staff.userId())
                        .bind("offset", offset).bind("limit", limit), staff)
                .map((row, meta) -> notification(row))
                .all();
    }

    public Mono<Long> count(Staff staff, boolean unreadOnly) {
        return Visibility.bind(db.sql("""
                                select count(*) as n from user_notification n join customer c on c.id = n.customer_id
                                where n.tenant_id = :tenant and n.user_id = :user %s and %s"""
                                .formatted(unreadOnly ? "and n.read_at is null" : "", Visibility.CONDITION))
                        .bind("tenant", staff.tenantId()).bind("user", staff.userId()), staff)
                .map((row, meta) -> row.get("n", Long.class))
                .one();
    }

    /** The caller's notifications with an id above {@code afterId}, oldest first (the live toast). */
    public Flux<UserNotification> since(Staff staff, long afterId) {
        return Visibility.bind(db.sql(SELECT + """
                                 where n.tenant_id = :tenant and n.user_id = :user and n.id > :after and %s
                                 order by n.id limit 20""".formatted(Visibility.CONDITION))
                        .bind("tenant", staff.tenantId()).bind("user", staff.userId()).bind("after", afterId), staff)
                .map((row, meta) -> notification(row))
                .all();
    }

    /** The id of the caller's latest notification (0: none): where a live follower starts. */
    public Mono<Long> latestId(Staff staff) {
        return db.sql("select coalesce(max(id), 0) as id from user_notification where tenant_id = :tenant and user_id = :user")
                .bind("tenant", staff.tenantId()).bind("user", staff.userId())
                .map((row, meta) -> row.get("id", Long.class))
                .one();
    }

    /** Marks one of the caller's notifications read; emits whether it was theirs and unread. */
    public Mono<Boolean> markRead(Staff staff, long id) {
        return db.sql("update user_notification set read_at = now() where tenant_id = :tenant and user_id = :user and id = :id and read_at is null")
                .bind("tenant", staff.tenantId()).bind("user", staff.userId()).bind("id", id)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Marks all the caller's notifications read; emits how many were unread. */
    public Mono<Long> markAllRead(Staff staff) {
        return db.sql("update user_notification set read_at = now() where tenant_id = :tenant and user_id = :user and read_at is null")
                .bind("tenant", staff.tenantId()).bind("user", staff.userId())
                .fetch().rowsUpdated();
    }

    public Mono<NotificationSettings> settings(Staff staff) {
        return db.sql("select email, version from notification_setting where user_id = :user and tenant_id = :tenant")
                .bind("user", staff.userId()).bind("tenant", staff.tenantId())
                .map((row, meta) -> new NotificationSettings(EmailPreference.valueOf(row.get("email", String.class)),
                        row.get("version", Long.class)))
                .one()
                .defaultIfEmpty(new NotificationSettings(EmailPreference.IMMEDIATE, 0));
    }

    /**
     * Saves the caller's email preference. {@code version}: the one read (null: no check); another one is a
     * conflict answered with the current settings.
     */
    public Mono<NotificationSettings> update(Staff staff, EmailPreference email, Long version) {
        if (email == null) {
            return Mono.error(new IllegalArgumentException("Choose " + java.util.List.of(EmailPreference.values())));
        }
        long expected = version == null ? -1L : version;
        // an update of the saved row at that version; else, when never saved, its first version; else a conflict
        Mono<NotificationSettings> updated = db.sql("""
                        update notification_setting set email = :email, version = version + 1
                        where user_id = :user and tenant_id = :tenant and (:version = -1 or version = :version)
                        returning email, version""")
                .bind("user", staff.userId()).bind("tenant", staff.tenantId()).bind("email", email.name())
                .bind("version", expected)
                .map((row, meta) -> settings(row))
                .one();
        Mono<NotificationSettings> inserted = expected > 0 ? Mono.empty() : db.sql("""
                        insert into notification_setting (user_id, tenant_id, email, version)
                        values (:user, :tenant, :email, 1)
                        on conflict (user_id) do nothing
                        returning email, version""")
                .bind("user", staff.userId()).bind("tenant", staff.tenantId()).bind("email", email.name())
                .map((row, meta) -> settings(row))
                .one();
        return updated.switchIfEmpty(inserted)
                .switchIfEmpty(Mono.defer(() -> settings(staff).flatMap(current -> Mono.error(new SettingsChanged(current)))));
    }

    private static NotificationSettings settings(io.r2dbc.spi.Readable row) {
        return new NotificationSettings(EmailPreference.valueOf(row.get("email", String.class)), row.get("version", Long.class));
    }

    static final String SELECT = """
            select n.id, n.kind, n.customer_id, c.account, c.name as customer_name, n.action_id, n.params::text as params,
                   n.actor_name, n.created_at, n.read_at
            from user_notification n join customer c on c.id = n.customer_id
            """;

    private UserNotification notification(io.r2dbc.spi.Readable row) {
        OffsetDateTime read = row.get("read_at", OffsetDateTime.class);
        return new UserNotification(
                row.get("id", Long.class),
                NotificationKind.valueOf(row.get("kind", String.class)),
                row.get("customer_id", Long.class),
                row.get("account", String.class),
                row.get("customer_name", String.class),
                row.get("action_id", Long.class),
                json.readTree(row.get("params", String.class)),
                row.get("actor_name", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                read == null ? null : read.toInstant());
    }
}
