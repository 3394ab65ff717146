package org.opendso.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opendso.action.ActionKind;
import org.opendso.item.AccountBalances;
import org.opendso.item.ItemType;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.Qualifications;
import org.opendso.security.Staff;
import org.opendso.security.Role;
import org.opendso.tenant.Companies;
import org.opendso.user.NewStaffUser;
import org.opendso.user.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * "Demo Industries": 50 customers ({@code DEMO-001}..{@code DEMO-050}) with contacts and open items whose
 * due dates spread over the last 8 months and the next two, users admin / collector / sales (password
 * {@code demo}). Generated from a fixed seed relative to today, so every start looks alike and current.
 */
@Component
public class DemoCompany {

    public static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoCompany.class);

    private static final String[] NAMES = {
            "Atelier Martin", "Boulangerie Dupont", "Cargo Lines", "Delta Composants", "Électricité Moreau",
            "Fromagerie Lefèvre", "Garage du Centre", "Hôtel Bellevue", "Imprimerie Roux", "Jardins de Provence",
            "Kappa Logistics", "Laboratoires Simon", "Menuiserie Laurent", "Nordic Trading", "Optique Michel",
            "Pharmacie Garnier", "Quincaillerie Faure", "Restaurant Le Mistral", "Scierie Bonnet", "Textiles Mercier",
            "Usinage Blanc", "Verrerie Guérin", "Western Supplies", "Xylo Design", "Yacht Services Riviera",
            "Zenith Automation", "Acme Europe", "Brightwater Foods", "Citadel Pharma", "Dover Packaging",
            "Evergreen Farms", "Falcon Aero Parts", "Granite Works", "Harbor Freight Services", "Iris Cosmetics",
            "Jupiter Energy", "Keystone Builders", "Lumen Lighting", "Meridian Hospitality", "Nova Medical",
            "Orion Textiles", "Pioneer Agritech", "Quantum Robotics", "Redwood Furniture", "Summit Outdoor",
            "Titan Steel", "Unity Healthcare", "Vertex Software", "Willow Retail", "Zephyr Transport"};
    private static final String[] CITIES = {"Paris", "Lyon", "Marseille", "Lille", "Nantes", "Bordeaux",
            "Toulouse", "Strasbourg", "London", "Brussels"};
    private static final String[] FIRST = {"Anna", "Louis", "Claire", "Hugo", "Emma", "Paul", "Léa", "Marc",
            "Julie", "Tom"};
    private static final String[] LAST = {"Bernard", "Petit", "Durand", "Leroy", "Moreau", "Fournier", "Girard",
            "Andre", "Mercier", "Blanc"};

    private final DatabaseClient db;
    private final Companies companies;
    private final Users users;
    private final AccountBalances balances;
    private final Qualifications qualifications;

    DemoCompany(DatabaseClient db, Companies companies, Users users, AccountBalances balances,
                Qualifications qualifications) {
        this.db = db;
        this.companies = companies;
        this.users = users;
        this.balances = balances;
        this.qualifications = qualifications;
    }
    /**
     * Something for Sam Sales to look at (decision 0017): the collector qualifies the oldest overdue invoice of two
     * of Sam's customers as a price dispute, the first with a dispute follow-up for Sam (step 3), through the real
     * qualification service, so that Sam finds two notifications, an action in the agenda and a mail in the log.
     * Two accounts no test reads, so that the demo's other figures stay as they were.
     */
    private Mono<Void> disputes(long tenant, long collector, long sales) {
        Staff colin = new Staff(tenant, collector, "collector", "Colin Collector", Role.COLLECTOR, "en");
        LocalDate today = LocalDate.now();
        return Flux.just("DEMO-037", "DEMO-039").concatMap(account -> db.sql(DISPUTED_INVOICE)
                        .bind("t", tenant).bind("account", account).bind("today", today)
                        .map((row, meta) -> new Object[] {row.get("id", Long.class), row.get("number", String.class),
                                row.get("version", Long.class)})
                        .one()
                        .flatMap(r -> qualifications.qualify(colin, (Long) r[0], new Qualification(
                                List.of(new Qualification.ItemRef(ItemType.INVOICE, (String) r[1], (Long) r[2])),
                                "PRICE_DISPUTE", today, "The customer says the unit price is not the one of the quote.",
                                null, account.equals("DEMO-037") ? new Qualification.NextAction(ActionKind.DISPUTE_FOLLOW_UP,
                                        today.plusDays(5), sales, "Please check the quote with the customer's buyer.") : null))))
                .then();
    }

    private static final String DISPUTED_INVOICE = "select c.id, o.number, o.version from customer c"
            + " join open_item o on o.customer_id = c.id and o.tenant_id = c.tenant_id"
            + " where c.tenant_id = :t and c.account = :account and o.type = 'INVOICE'"
            + " and o.closed_at is null and o.due_date < :today order by o.due_date, o.number limit 1";


    Mono<Void> load() {
        return companies.create("Demo Industries", "EUR", "en")
                .flatMap(tenant -> db.sql("""
                                update tenant set address = '12 rue de la Paix', postal_code = '75002', city = 'Paris',
                                       country = 'France' where id = :id""").bind("id", tenant).then()
                        .then(users.bootstrap(tenant, user("admin", "Alice Admin", Role.ADMIN)))
                        .then(Mono.zip(
                                users.bootstrap(tenant, user("collector", "Colin Collector", Role.COLLECTOR)),
                                users.bootstrap(tenant, user("sales", "Sam Sales", Role.SALES_MANAGER))))
                        .flatMap(ids -> customers(tenant, ids.getT1(), ids.getT2())
                                .then(balances.refreshTenant(tenant))
                                .then(disputes(tenant, ids.getT1(), ids.getT2())))
                        .doOnSuccess(v -> log.info("Loaded the demo company (tenant {}): 50 customers; log in as "
                                + "admin, collector or sales with the password '{}'", tenant, PASSWORD)));
    }

    private static NewStaffUser user(String login, String name, Role role) {
        return new NewStaffUser(login, name, login + "@demo.opendso.org", role, "en", PASSWORD);
    }

    private Mono<Void> customers(long tenant, long collector, long sales) {
        Random random = new Random(42);
        LocalDate today = LocalDate.now();
        List<Mono<Void>> work = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            String account = "DEMO-%03d".formatted(i + 1);
            String city = CITIES[random.nextInt(CITIES.length)];
            String currency = city.equals("London") ? "GBP" : "EUR";
            String contactName = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            int n = i;
            List<Object[]> items = items(random, today, account, currency, i);
            work.add(db.sql("""
                            insert into customer (tenant_id, account, name, address, postal_code, city, country, currency, email, phone)
                            values (:t, :account, :name, :address, :pc, :city, :country, :currency, :email, :phone)
                            returning id""")
                    .bind("t", tenant).bind("account", account).bind("name", NAMES[i])
                    .bind("address", (10 + random.nextInt(90)) + " avenue du Commerce")
                    .bind("pc", String.valueOf(10000 + random.nextInt(80000)))
                    .bind("city", city)
                    .bind("country", city.equals("London") ? "United Kingdom" : city.equals("Brussels") ? "Belgium" : "France")
                    .bind("currency", currency)
                    .bind("email", "accounts@" + account.toLowerCase() + ".example")
                    .bind("phone", "+33 1 %02d %02d %02d %02d".formatted(random.nextInt(100), random.nextInt(100),
                            random.nextInt(100), random.nextInt(100)))
                    .map((row, meta) -> row.get("id", Long.class)).one()
                    .flatMap(customer -> db.sql("""
                                    insert into contact (tenant_id, customer_id, name, role, email, phone, collection_contact)
                                    values (:t, :c, :name, 'Accounts payable', :email, '+33 6 12 34 56 78', true),
                                           (:t, :c, 'Finance Director', 'CFO', :cfo, '', false)""")
                            .bind("t", tenant).bind("c", customer).bind("name", contactName)
                            .bind("email", contactName.toLowerCase().replace(' ', '.').replace("é", "e") + "@" + account.toLowerCase() + ".example")
                            .bind("cfo", "cfo@" + account.toLowerCase() + ".example")
                            .then()
                            .then(assign(tenant, customer, n % 5 == 4 ? null : collector, n % 2 == 0 ? sales : null))
                            .then(Flux.fromIterable(items).concatMap(item -> db.sql("""
                                            insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date,
                                                                   amount, open_amount, currency, reference)
                                            values (:t, :c, :type, :number, :issue, :due, :amount, :open, :currency, :ref)""")
                                    .bind("t", tenant).bind("c", customer)
                                    .bind("type", item[0]).bind("number", item[1]).bind("issue", item[2]).bind("due", item[3])
                                    .bind("amount", item[4]).bind("open", item[5]).bind("currency", currency)
                                    .bind("ref", item[6])
                                    .then()).then())));
        }
        return Flux.concat(work).then();
    }

    private Mono<Void> assign(long tenant, long customer, Long collector, Long sales) {
        Mono<Void> c = collector == null ? Mono.empty() : db.sql(
                        "insert into customer_assignment (tenant_id, customer_id, user_id, role) values (:t, :c, :u, 'COLLECTOR')")
                .bind("t", tenant).bind("c", customer).bind("u", collector).then();
        Mono<Void> s = sales == null ? Mono.empty() : db.sql(
                        "insert into customer_assignment (tenant_id, customer_id, user_id, role) values (:t, :c, :u, 'SALES_MANAGER')")
                .bind("t", tenant).bind("c", customer).bind("u", sales).then();
        return c.then(s);
    }

    /** type, number, issue date, due date, amount, open amount, reference. */
    private static List<Object[]> items(Random random, LocalDate today, String account, String currency, int index) {
        List<Object[]> items = new ArrayList<>();
        int invoices = 2 + random.nextInt(9);
        for (int k = 0; k < invoices; k++) {
            // due dates from ~8 months ago to ~2 months ahead, more of them recent
            int daysAgo = (int) Math.round(Math.pow(random.nextDouble(), 1.6) * 300) - 60;
            LocalDate due = today.minusDays(daysAgo);
            LocalDate issue = due.minusDays(random.nextBoolean() ? 30 : 45);
            BigDecimal amount = BigDecimal.valueOf(200 + random.nextInt(24_800) + random.nextInt(100) / 100.0)
                    .setScale(2, RoundingMode.HALF_UP);
            BigDecimal open = random.nextInt(6) == 0
                    ? amount.multiply(BigDecimal.valueOf(0.4)).setScale(2, RoundingMode.HALF_UP) : amount;
            items.add(new Object[]{"INVOICE", "INV-%s-%03d".formatted(account.substring(5), k + 1), issue, due,
                    amount, open, "PO-" + (4500 + random.nextInt(500))});
        }
        if (index % 7 == 3) {
            BigDecimal credit = BigDecimal.valueOf(-(100 + random.nextInt(900))).setScale(2, RoundingMode.HALF_UP);
            LocalDate date = today.minusDays(random.nextInt(90));
            items.add(new Object[]{"CREDIT_NOTE", "CN-%s-001".formatted(account.substring(5)), date, date, credit, credit,
                    "Returned goods"});
        }
        if (index % 11 == 5) {
            BigDecimal payment = BigDecimal.valueOf(-(500 + random.nextInt(2000))).setScale(2, RoundingMode.HALF_UP);
            LocalDate date = today.minusDays(random.nextInt(30));
            items.add(new Object[]{"UNALLOCATED_PAYMENT", "PAY-%s-001".formatted(account.substring(5)), date, date,
                    payment, payment, "Bank transfer"});
        }
        return items;
    }
}
