package org.opendso.agenda;

import static org.opendso.agenda.AgendaFixture.TODAY;

import java.util.List;
import org.opendso.TestTenants;
import org.opendso.item.AccountBalances;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Companies of their own (so that their address and accounts are the test's), an account with a letter or a call
 * waiting, as of {@link AgendaFixture#TODAY}. Setup code: blocking is fine.
 */
@TestComponent
class LetterCallFixture {

    private final TestTenants tenants;
    private final AgendaFixture fx;
    private final Agenda agenda;
    private final DatabaseClient db;
    private final AccountBalances balances;

    LetterCallFixture(TestTenants tenants, AgendaFixture fx, Agenda agenda, DatabaseClient db, AccountBalances balances) {
        this.balances = balances;
        this.tenants = tenants;
        this.fx = fx;
        this.agenda = agenda;
        this.db = db;
    }

    /** A French company in Paris, with its admin and collector. */
    TestTenants.Other company(String prefix) {
        TestTenants.Other other = tenants.create(prefix + "-" + System.nanoTime());
        db.sql("""
                update tenant set name = 'Fournitures Lumière SA', address = '12 rue de l''Église', postal_code = '75011',
                       city = 'Paris', country = 'France' where id = :t""").bind("t", other.tenantId()).then().block();
        return other;
    }

    /** An account of the collector with one item of 1,234.56 due 25 days ago and a waiting action of that kind. */
    Account account(TestTenants.Other company, String account, String name, String language, String kind) {
        long scenario = fx.scenario(company.tenantId(), "Only " + kind + " " + System.nanoTime(), 20, kind);
        long customer = fx.customer(company.tenantId(), account, scenario, company.collector().userId());
        var spec = db.sql("""
                        update customer set name = :n, address = '3 avenue des Canuts', postal_code = '69002',
                               city = 'Lyon', country = 'France', email = 'accounts@client.example', phone = '+33 4 00 00 00 00',
                               language = :l
                        where id = :c""")
                .bind("n", name).bind("c", customer);
        (language == null ? spec.bindNull("l", String.class) : spec.bind("l", language)).then().block();
        db.sql("""
                insert into contact (tenant_id, customer_id, name, role, email, phone, collection_contact)
                values (:t, :c, 'Jeanne Dupré', 'Comptable', 'jeanne@client.example', '+33 4 11 11 11 11', true),
                       (:t, :c, 'Marc Petit', 'Acheteur', 'marc@client.example', '+33 6 22 22 22 22', false)""")
                .bind("t", company.tenantId()).bind("c", customer).then().block();
        fx.item(company.tenantId(), customer, account + "-F1", TODAY.minusDays(25), "1234.56");
        balances.refresh(company.tenantId(), List.of(customer)).block();
        agenda.regenerate(company.tenantId(), List.of(customer)).block();
        AgendaFixture.Row action = fx.waiting(customer).getFirst();
        if (!action.kind().equals(kind)) {
            throw new IllegalStateException("Expected a waiting " + kind + ", got " + action);
        }
        return new Account(customer, action.id(), action.version());
    }

    record Account(long customerId, long actionId, long version) {
    }

    /** The types of the account's events after the first {@code skip} ones. */
    List<String> eventsSince(long customer, int skip) {
        return fx.events(customer).stream().skip(skip).toList();
    }

    String payload(long customer, String type) {
        return db.sql("select payload::text as p from event where customer_id = :c and type = :t order by seq desc limit 1")
                .bind("c", customer).bind("t", type).map((r, m) -> r.get("p", String.class)).one().block();
    }

    Row action(long actionId) {
        return db.sql("select state, outcome, note, mail_id, due_date, version from collection_action where id = :i")
                .bind("i", actionId)
                .map((r, m) -> new Row(r.get("state", String.class), r.get("outcome", String.class),
                        r.get("note", String.class), r.get("mail_id", Long.class),
                        r.get("due_date", java.time.LocalDate.class), r.get("version", Long.class)))
                .one().block();
    }

    record Row(String state, String outcome, String note, Long mailId, java.time.LocalDate dueDate, long version) {
    }
}
