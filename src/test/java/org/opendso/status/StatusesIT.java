package org.opendso.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.customer.Customers;
import org.opendso.item.ItemFilter;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.Qualifications;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@Import(TestTenants.class)
class StatusesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Statuses statuses;

    @Autowired
    TestTenants tenants;

    @Autowired
    Customers customers;

    @Autowired
    OpenItems openItems;

    @Autowired
    Qualifications qualifications;

    @Autowired
    DatabaseClient db;

    @Test
    void aNewCompanyStartsWithStandardStatusesInEveryCategoryInBothLanguages() {
        TestTenants.Other other = tenants.create("st-standard");
        statuses.all(other.tenantId()).collectList().as(StepVerifier::create)
                .assertNext(all -> {
                    assertThat(all).extracting(ItemStatus::category).containsAll(Arrays.asList(StatusCategory.values()));
                    assertThat(all).allSatisfy(s -> {
                        assertThat(s.standard()).isTrue();
                        assertThat(s.labelEn()).isNotBlank();
                        assertThat(s.labelFr()).isNotBlank().isNotEqualTo(s.labelEn());
                        assertThat(s.followUpDays()).isBetween(0, 3650);
                    });
                    assertThat(all).extracting(ItemStatus::code).contains("PROMISE_TO_PAY", "DISPUTE_RESOLVED", "LITIGATION");
                })
                .verifyComplete();
        statuses.usage(other.tenantId()).collectList().as(StepVerifier::create)
                .assertNext(usage -> {
                    assertThat(usage).allSatisfy(u -> assertThat(u.items()).isZero());
                    assertThat(usage.getFirst().status().category()).isEqualTo(StatusCategory.ON_GOING);
                    assertThat(usage.getLast().status().category()).isEqualTo(StatusCategory.LITIGATION);
                })
                .verifyComplete();
    }

    @Test
    void anAdminCreatesRenamesAndChangesAStatusAndAStaleVersionIsAConflict() {
        Staff admin = tenants.demo("admin");
        statuses.create(admin, new StatusDraft("  waiting  for po ", "Waiting for PO", "Attente de bon de commande",
                        StatusCategory.ON_GOING, null))
                .as(StepVerifier::create)
                .assertNext(s -> {
                    assertThat(s.code()).isEqualTo("WAITING_FOR_PO");
                    assertThat(s.followUpDays()).isEqualTo(7);
                    assertThat(s.standard()).isFalse();
                    assertThat(s.version()).isZero();
                })
                .verifyComplete();

        statuses.update(admin, "WAITING_FOR_PO", new StatusDraft(null, " Waiting for purchase order ",
                        "Attente de commande", StatusCategory.DISPUTE, 21), 0L)
                .as(StepVerifier::create)
                .assertNext(s -> {
                    assertThat(s.labelEn()).isEqualTo("Waiting for purchase order");
                    assertThat(s.labelFr()).isEqualTo("Attente de commande");
                    assertThat(s.category()).isEqualTo(StatusCategory.DISPUTE);
                    assertThat(s.followUpDays()).isEqualTo(21);
                    assertThat(s.version()).isEqualTo(1);
                })
                .verifyComplete();

        // a second admin still holding version 0 does not overwrite the first one's change
        statuses.update(admin, "WAITING_FOR_PO", new StatusDraft(null, "Stale", "Périmé", StatusCategory.ON_GOING, 7), 0L)
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(OptimisticLockingFailureException.class)
                        .hasMessageContaining("WAITING_FOR_PO").hasMessageContaining("version 1"))
                .verify();
        statuses.byCode(admin.tenantId(), "WAITING_FOR_PO").map(ItemStatus::labelEn).as(StepVerifier::create)
                .expectNext("Waiting for purchase order").verifyComplete();

        // without a version, the last writer wins
        statuses.update(admin, "waiting_for_po", new StatusDraft(null, "Waiting for PO", "Attente de BC",
                        StatusCategory.ON_GOING, 0), null)
                .map(ItemStatus::version).as(StepVerifier::create).expectNext(2L).verifyComplete();

        statuses.update(admin, "NO_SUCH_STATUS", new StatusDraft(null, "x", "x", StatusCategory.ON_GOING, 1), null)
                .as(StepVerifier::create).expectError(UnknownStatus.class).verify();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        Staff admin = tenants.demo("admin");
        expectInvalid(statuses.create(admin, draft("A", "ok", "ok")), "code");
        expectInvalid(statuses.create(admin, draft("BAD-CODE", "ok", "ok")), "code");
        expectInvalid(statuses.create(admin, draft("", "ok", "ok")), "code");
        expectInvalid(statuses.create(admin, draft("X".repeat(41), "ok", "ok")), "code");
        expectInvalid(statuses.create(admin, draft("ST_BAD_LABEL", " ", "ok")), "labels.en");
        expectInvalid(statuses.create(admin, draft("ST_BAD_LABEL", "ok", null)), "labels.fr");
        expectInvalid(statuses.create(admin, draft("ST_BAD_LABEL", "x".repeat(81), "ok")), "labels.en");
        expectInvalid(statuses.create(admin, new StatusDraft("ST_BAD_CAT", "ok", "ok", null, 7)), "category");
        expectInvalid(statuses.create(admin, new StatusDraft("ST_BAD_DAYS", "ok", "ok", StatusCategory.DISPUTE, 3651)),
                "followUpDays");
        expectInvalid(statuses.create(admin, new StatusDraft("ST_BAD_DAYS", "ok", "ok", StatusCategory.DISPUTE, -1)),
                "followUpDays");
        // the code of a standard status is taken
        statuses.create(admin, draft("reminder sent", "Again", "Encore"))
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidStatus.class)
                        .hasMessageContaining("REMINDER_SENT").hasMessageContaining("already used")
                        .extracting(x -> ((InvalidStatus) x).field()).isEqualTo("code"))
                .verify();
        statuses.all(admin.tenantId()).map(ItemStatus::code).filter(c -> c.startsWith("ST_BAD")).count()
                .as(StepVerifier::create).expectNext(0L).verifyComplete();
        // an 80-character label is fine, and so is a follow-up of 0 days
        statuses.create(admin, new StatusDraft("ST_LONG_LABEL", "e".repeat(80), "f".repeat(80), StatusCategory.DISPUTE, 0))
                .map(ItemStatus::followUpDays).as(StepVerifier::create).expectNext(0).verifyComplete();
    }

    @Test
    void deletingAStatusInUseNeedsAReplacementWhichTakesItsItemsAndTellsEachAccount() {
        Staff admin = tenants.demo("admin");
        ItemStatus old = statuses.create(admin, new StatusDraft("ST_MOVED_AWAY", "Moved away", "Déménagé",
                StatusCategory.DISPUTE, 10)).block();
        ItemStatus replacement = statuses.create(admin, new StatusDraft("ST_NEW_ADDRESS", "New address", "Nouvelle adresse",
                StatusCategory.ON_GOING, 5)).block();
        long first = customers.find(admin, "DEMO-043").block().id();
        long second = customers.find(admin, "DEMO-047").block().id();
        // two items of the first account qualified the ordinary way, one of the second set directly
        List<OpenItem> firstItems = openItems.ofCustomer(admin.tenantId(), first, ItemFilter.OPEN).take(2).collectList().block();
        assertThat(firstItems).hasSize(2);
        qualifications.qualify(admin, first, new Qualification(
                        firstItems.stream().map(i -> new Qualification.ItemRef(i.type(), i.number(), i.version())).toList(),
                        "ST_MOVED_AWAY", null, "The customer moved", null, null))
                .as(StepVerifier::create).expectNextCount(1).verifyComplete();
        OpenItem secondItem = openItems.ofCustomer(admin.tenantId(), second, ItemFilter.OPEN).blockFirst();
        LocalDate statusDate = LocalDate.now().minusDays(3);
        db.sql("""
                update open_item set status_id = :s, status_date = :d, last_comment = 'Letter returned'
                where id = :id""")
                .bind("s", old.id()).bind("d", statusDate).bind("id", secondItem.id()).then().block();

        statuses.delete(admin, "ST_MOVED_AWAY", null).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(StatusInUse.class)
                        .hasMessageContaining("3 items").extracting(x -> ((StatusInUse) x).items()).isEqualTo(3L))
                .verify();
        statuses.delete(admin, "ST_MOVED_AWAY", "ST_MOVED_AWAY").as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(((InvalidStatus) e).field()).isEqualTo("replacement")).verify();
        statuses.delete(admin, "ST_MOVED_AWAY", "NO_SUCH_STATUS").as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(((InvalidStatus) e).field()).isEqualTo("replacement")).verify();
        statuses.byCode(admin.tenantId(), "ST_MOVED_AWAY").as(StepVerifier::create).expectNextCount(1).verifyComplete();

        statuses.delete(admin, "st moved away", "st_new_address").as(StepVerifier::create)
                .expectNext(new StatusDeletion("ST_MOVED_AWAY", "ST_NEW_ADDRESS", 3, 2))
                .verifyComplete();

        statuses.byCode(admin.tenantId(), "ST_MOVED_AWAY").as(StepVerifier::create).verifyComplete();
        Map<String, OpenItem> afterFirst = openItems.ofCustomer(admin.tenantId(), first, ItemFilter.OPEN)
                .collectMap(OpenItem::number).block();
        for (OpenItem before : firstItems) {
            OpenItem after = afterFirst.get(before.number());
            assertThat(after.qualification().statusCode()).isEqualTo("ST_NEW_ADDRESS");
            assertThat(after.qualification().lastComment()).isEqualTo("The customer moved");
            assertThat(after.qualification().statusDate()).isEqualTo(LocalDate.now());
            assertThat(after.version()).isEqualTo(before.version() + 2); // qualified, then moved
        }
        OpenItem movedSecond = openItems.ofCustomer(admin.tenantId(), second, ItemFilter.OPEN)
                .filter(i -> i.id() == secondItem.id()).blockFirst();
        assertThat(movedSecond.qualification().statusCode()).isEqualTo("ST_NEW_ADDRESS");
        assertThat(movedSecond.qualification().statusDate()).isEqualTo(statusDate);
        assertThat(movedSecond.qualification().lastComment()).isEqualTo("Letter returned");
        assertThat(movedSecond.version()).isEqualTo(secondItem.version() + 1);

        JsonNode firstEvent = replacedEvent(first);
        assertThat(firstEvent.get("from").get("code").asString()).isEqualTo("ST_MOVED_AWAY");
        assertThat(firstEvent.get("to").get("code").asString()).isEqualTo("ST_NEW_ADDRESS");
        assertThat(firstEvent.get("to").get("labelEn").asString()).isEqualTo("New address");
        assertThat(firstEvent.get("to").get("labelFr").asString()).isEqualTo("Nouvelle adresse");
        assertThat(firstEvent.get("to").get("category").asString()).isEqualTo("ON_GOING");
        assertThat(firstEvent.get("items")).hasSize(2);
        JsonNode item = firstEvent.get("items").get(0);
        OpenItem itemAfter = afterFirst.get(item.get("number").asString());
        assertThat(item.get("type").asString()).isEqualTo(itemAfter.type().name());
        assertThat(item.get("version").asLong()).isEqualTo(itemAfter.version());
        JsonNode secondEvent = replacedEvent(second);
        assertThat(secondEvent.get("items")).hasSize(1);
        assertThat(secondEvent.get("items").get(0).get("number").asString()).isEqualTo(secondItem.number());

        // the replacement can be replaced in turn; a status nobody carries goes without one
        statuses.delete(admin, "ST_NEW_ADDRESS", "REMINDER_SENT").as(StepVerifier::create)
                .expectNext(new StatusDeletion("ST_NEW_ADDRESS", "REMINDER_SENT", 3, 2)).verifyComplete();
        statuses.create(admin, draft("ST_UNUSED", "Unused", "Inutilisé")).block();
        statuses.delete(admin, "ST_UNUSED", null).as(StepVerifier::create)
                .expectNext(new StatusDeletion("ST_UNUSED", null, 0, 0)).verifyComplete();
    }

    @Test
    void onlyAnAdministratorManagesStatusesButEveryoneReadsThem() {
        Staff collector = tenants.demo("collector");
        Staff sales = tenants.demo("sales");
        Staff admin = tenants.demo("admin");
        statuses.create(collector, draft("ST_BY_COLLECTOR", "x", "x")).as(StepVerifier::create)
                .expectError(AccessDeniedException.class).verify();
        statuses.create(sales, draft("ST_BY_SALES", "x", "x")).as(StepVerifier::create)
                .expectError(AccessDeniedException.class).verify();
        statuses.update(collector, "REMINDER_SENT", draft(null, "Renamed", "Renommé"), null).as(StepVerifier::create)
                .expectError(AccessDeniedException.class).verify();
        statuses.delete(collector, "CALLED_BACK", "REMINDER_SENT").as(StepVerifier::create)
                .expectError(AccessDeniedException.class).verify();
        statuses.byCode(admin.tenantId(), "REMINDER_SENT").map(ItemStatus::labelEn).as(StepVerifier::create)
                .expectNext("Reminder sent").verifyComplete();
        statuses.byCode(admin.tenantId(), "CALLED_BACK").as(StepVerifier::create).expectNextCount(1).verifyComplete();
        statuses.all(collector.tenantId()).count().as(StepVerifier::create)
                .assertNext(n -> assertThat(n).isGreaterThanOrEqualTo(9)).verifyComplete();
    }

    @Test
    void anotherCompanysStatusesAreInvisibleAndCannotBeAReplacement() {
        Staff demoAdmin = tenants.demo("admin");
        statuses.create(demoAdmin, draft("ST_DEMO_ONLY", "Demo only", "Démo seulement")).block();
        TestTenants.Other other = tenants.create("st-iso");
        statuses.byCode(other.tenantId(), "ST_DEMO_ONLY").as(StepVerifier::create).verifyComplete();
        statuses.all(other.tenantId()).map(ItemStatus::code).collectList().as(StepVerifier::create)
                .assertNext(codes -> assertThat(codes).doesNotContain("ST_DEMO_ONLY")).verifyComplete();
        statuses.update(other.admin(), "ST_DEMO_ONLY", draft(null, "Mine", "À moi"), null).as(StepVerifier::create)
                .expectError(UnknownStatus.class).verify();
        statuses.delete(other.admin(), "ST_DEMO_ONLY", null).as(StepVerifier::create)
                .expectError(UnknownStatus.class).verify();

        // the other company's own status, carried by its item, cannot hand the item to a demo status
        ItemStatus own = statuses.create(other.admin(), draft("ST_OWN", "Own", "Le sien")).block();
        db.sql("update open_item set status_id = :s where tenant_id = :t").bind("s", own.id()).bind("t", other.tenantId())
                .then().block();
        statuses.delete(other.admin(), "ST_OWN", "ST_DEMO_ONLY").as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(((InvalidStatus) e).field()).isEqualTo("replacement")).verify();
        statuses.usage(other.tenantId()).filter(u -> u.status().code().equals("ST_OWN")).map(StatusUsage::openItems)
                .as(StepVerifier::create).expectNext(1L).verifyComplete();
        // and the demo status is untouched
        statuses.byCode(demoAdmin.tenantId(), "ST_DEMO_ONLY").map(ItemStatus::labelEn).as(StepVerifier::create)
                .expectNext("Demo only").verifyComplete();
        // the same code in two companies is fine
        statuses.create(other.admin(), draft("ST_DEMO_ONLY", "Theirs", "Le leur")).map(ItemStatus::code)
                .as(StepVerifier::create).expectNext("ST_DEMO_ONLY").verifyComplete();
    }

    @Test
    void everyCategoryKeepsAtLeastOneStatus() {
        TestTenants.Other other = tenants.create("st-last");
        Map<StatusCategory, Long> perCategory = statuses.all(other.tenantId()).collectList().block().stream()
                .collect(Collectors.groupingBy(ItemStatus::category, Collectors.counting()));
        assertThat(perCategory.get(StatusCategory.PROMISE_TO_PAY)).isEqualTo(1L);
        statuses.delete(other.admin(), "PROMISE_TO_PAY", "REMINDER_SENT").as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidStatus.class).hasMessageContaining("last one"))
                .verify();
        statuses.update(other.admin(), "LITIGATION", new StatusDraft(null, "Lawyer", "Avocat", StatusCategory.DISPUTE, 30), null)
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(((InvalidStatus) e).field()).isEqualTo("category")).verify();
        // renaming the last one of its category is fine
        statuses.update(other.admin(), "LITIGATION", new StatusDraft(null, "Lawyer", "Avocat", StatusCategory.LITIGATION, 30), null)
                .map(ItemStatus::labelEn).as(StepVerifier::create).expectNext("Lawyer").verifyComplete();
        // with a second one in the category, either may go
        statuses.create(other.admin(), new StatusDraft("ST_PROMISE_2", "Promise 2", "Promesse 2",
                StatusCategory.PROMISE_TO_PAY, 7)).block();
        statuses.delete(other.admin(), "PROMISE_TO_PAY", null).map(StatusDeletion::code).as(StepVerifier::create)
                .expectNext("PROMISE_TO_PAY").verifyComplete();
    }

    private static StatusDraft draft(String code, String en, String fr) {
        return new StatusDraft(code, en, fr, StatusCategory.ON_GOING, 7);
    }

    private static void expectInvalid(reactor.core.publisher.Mono<?> call, String field) {
        call.as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidStatus.class)
                        .extracting(x -> ((InvalidStatus) x).field()).isEqualTo(field))
                .verify();
    }

    private JsonNode replacedEvent(long customerId) {
        List<String> payloads = db.sql("select payload::text as p from event where customer_id = :c and type = 'STATUS_REPLACED'")
                .bind("c", customerId).map(row -> row.get("p", String.class)).all().collectList().block();
        assertThat(payloads).hasSize(1);
        return JSON.readTree(payloads.getFirst());
    }
}
