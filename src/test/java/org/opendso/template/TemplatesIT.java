package org.opendso.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import reactor.test.StepVerifier;

@IntegrationTest
@Import(TestTenants.class)
class TemplatesIT {

    static final List<String> CODES = List.of("DISPUTE_ACKNOWLEDGEMENT", "FIRST_REMINDER", "FORMAL_NOTICE",
            "PRE_DUE_REMINDER", "PROMISE_CONFIRMATION", "SECOND_REMINDER");

    @Autowired
    Templates templates;

    @Autowired
    TestTenants tenants;

    @Autowired
    org.springframework.r2dbc.core.DatabaseClient db;

    @Test
    void aNewCompanyStartsWithTheSixStandardTemplatesInEnglishAndFrench() {
        TestTenants.Other other = tenants.create("tp-standard");
        templates.all(other.collector()).collectList().as(StepVerifier::create)
                .assertNext(all -> {
                    assertThat(all).hasSize(12);
                    assertThat(all).extracting(Template::code).containsExactlyElementsOf(
                            CODES.stream().flatMap(c -> java.util.stream.Stream.of(c, c)).toList());
                    assertThat(all).extracting(Template::language).containsOnly("en", "fr");
                    assertThat(all).allSatisfy(t -> {
                        assertThat(t.standard()).isTrue();
                        assertThat(t.kind()).isEqualTo(t.code().equals("FORMAL_NOTICE") ? TemplateKind.LETTER
                                : TemplateKind.EMAIL);
                        assertThat(t.subject()).isNotBlank();
                        assertThat(t.body()).contains("#").doesNotContain("#PortalLink");
                        Templates.check(t.subject(), t.body());
                    });
                })
                .verifyComplete();
        templates.one(other.admin(), "formal_notice", "FR").as(StepVerifier::create)
                // the subject line is the letter layout's since V4_7 (decision 0014), no longer a paragraph of the body
                .assertNext(t -> {
                    assertThat(t.subject()).startsWith("Mise en demeure de payer");
                    assertThat(t.body()).contains("#PenaltyAmount", "#IndemnityAmount", "40 €", "L441-10",
                            "mettons en demeure").doesNotContain("#CompanyAddress", "Objet :");
                })
                .verifyComplete();
    }

    @Test
    void seedingAgainAddsWhatIsMissingAndKeepsWhatTheCompanyWrote() {
        TestTenants.Other other = tenants.create("tp-seed");
        templates.update(other.admin(), "FIRST_REMINDER", "en", new TemplateDraft(null, null, TemplateKind.EMAIL,
                "Mine", "Mine #CustomerAccount", "<p>Our own words</p>"), null).block();
        db.sql("delete from template where tenant_id = :t and code = 'SECOND_REMINDER' and language = 'fr'")
                .bind("t", other.tenantId()).then().block();
        // what the migration does for the companies that exist when it runs
        db.sql("select create_standard_templates(:t)").bind("t", other.tenantId()).then().block();
        templates.all(other.admin()).collectList().as(StepVerifier::create)
                .assertNext(all -> {
                    assertThat(all).hasSize(12);
                    assertThat(all).filteredOn(t -> t.code().equals("FIRST_REMINDER") && t.language().equals("en"))
                            .singleElement().satisfies(t -> assertThat(t.body()).isEqualTo("<p>Our own words</p>"));
                })
                .verifyComplete();
    }

    @Test
    void everyStandardTemplateRendersForADemoAccountInBothLanguages() {
        Staff collector = tenants.demo("collector");
        LocalDate today = LocalDate.now();
        for (String code : CODES) {
            for (String language : List.of("en", "fr")) {
                templates.render(collector, "DEMO-001", code, language, today).as(StepVerifier::create)
                        .assertNext(r -> {
                            assertThat(r.language()).isEqualTo(language);
                            assertThat(r.subject()).contains("DEMO-001").doesNotContain("#");
                            assertThat(r.body()).contains("Colin Collector", "Demo Industries")
                                    .doesNotContainPattern("#[A-Z][a-zA-Z]+");
                        })
                        .verifyComplete();
            }
        }
    }

    @Test
    void savingWithAnUnknownHashtagIsRefusedNamingItAndItsPosition() {
        Staff admin = tenants.demo("admin");
        templates.create(admin, new TemplateDraft("TP_TYPO", "en", TemplateKind.EMAIL, "Typo", "Hello",
                        "<p>Dear #ContactName,</p>\n<p>you owe #OverdueAmout.</p>"))
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(HashtagProblem.class, p -> {
                    assertThat(p.hashtag()).isEqualTo("#OverdueAmout");
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.column()).isEqualTo(12);
                    assertThat(p.suggestion()).isEqualTo("#OverdueAmount");
                }))
                .verify();
        templates.one(admin, "TP_TYPO", "en").as(StepVerifier::create).verifyComplete();
        // an update is checked the same way, and the stored text stays as it was
        templates.update(admin, "FIRST_REMINDER", "en", new TemplateDraft(null, null, TemplateKind.EMAIL, "First",
                        "Re #CustomerNam", "body"), null)
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(HashtagProblem.class,
                        p -> assertThat(p.field()).isEqualTo("subject")))
                .verify();
    }

    @Test
    void anEmailMayCarryAPortalLinkButALetterMayNot() {
        Staff admin = tenants.create("tpl-" + System.nanoTime()).admin();
        templates.create(admin, new TemplateDraft("TP_PORTAL_LETTER", "en", TemplateKind.LETTER, "Letter", "Hi",
                        "<p>Reply online: #PortalLink</p>"))
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(InvalidTemplate.class,
                        i -> assertThat(i.field()).isEqualTo("body")))
                .verify();
        templates.create(admin, new TemplateDraft("TP_PORTAL_EMAIL", "en", TemplateKind.EMAIL, "Email", "Hi",
                        "<p>Reply online: #PortalLink</p>"))
                .as(StepVerifier::create).expectNextCount(1).verifyComplete();
        templates.render(admin, "DEMO-001", "TP_PORTAL_EMAIL", "en", LocalDate.now()).as(StepVerifier::create)
                .assertNext(r -> assertThat(r.body()).contains("personal portal link, created when the email is sent"))
                .verifyComplete();
    }

    @Test
    void anAdminCreatesUpdatesAndDeletesATemplateAndAStaleVersionIsAConflict() {
        Staff admin = tenants.demo("admin");
        Template created = templates.create(admin, new TemplateDraft(" tp_thanks ", "FR", TemplateKind.EMAIL,
                " Merci ", "Merci #CustomerName", "<p>Merci pour votre paiement, #ContactName.</p>")).block();
        assertThat(created.code()).isEqualTo("TP_THANKS");
        assertThat(created.language()).isEqualTo("fr");
        assertThat(created.name()).isEqualTo("Merci");
        assertThat(created.standard()).isFalse();
        assertThat(created.version()).isZero();
        templates.create(admin, new TemplateDraft("TP_THANKS", "fr", TemplateKind.EMAIL, "Again", "", ""))
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(InvalidTemplate.class,
                        i -> assertThat(i.field()).isEqualTo("code")))
                .verify();

        templates.update(admin, "tp_thanks", "fr", new TemplateDraft(null, null, TemplateKind.LETTER, "Merci !",
                        "Merci", "<p>Merci.</p>"), 0L)
                .as(StepVerifier::create)
                .assertNext(t -> {
                    assertThat(t.version()).isEqualTo(1);
                    assertThat(t.kind()).isEqualTo(TemplateKind.LETTER);
                    assertThat(t.body()).isEqualTo("<p>Merci.</p>");
                })
                .verifyComplete();
        templates.update(admin, "TP_THANKS", "fr", new TemplateDraft(null, null, TemplateKind.EMAIL, "Stale", "", ""), 0L)
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(TemplateChanged.class,
                        c -> assertThat(c.current().name()).isEqualTo("Merci !")))
                .verify();

        templates.delete(admin, "FIRST_REMINDER", "en").as(StepVerifier::create)
                .expectError(InvalidTemplate.class).verify();
        templates.delete(admin, "TP_THANKS", "fr").as(StepVerifier::create).verifyComplete();
        templates.one(admin, "TP_THANKS", "fr").as(StepVerifier::create).verifyComplete();
    }

    @Test
    void onlyAnAdministratorWritesButEveryoneReadsAndRenders() {
        Staff collector = tenants.demo("collector");
        Staff sales = tenants.demo("sales");
        TemplateDraft draft = new TemplateDraft("TP_ROLES", "en", TemplateKind.EMAIL, "Roles", "Hi", "Hi");
        templates.create(collector, draft).as(StepVerifier::create).expectError(AccessDeniedException.class).verify();
        templates.create(sales, draft).as(StepVerifier::create).expectError(AccessDeniedException.class).verify();
        templates.update(collector, "FIRST_REMINDER", "en", draft, null).as(StepVerifier::create)
                .expectError(AccessDeniedException.class).verify();
        templates.delete(collector, "FIRST_REMINDER", "en").as(StepVerifier::create)
                .expectError(AccessDeniedException.class).verify();
        templates.all(sales).count().as(StepVerifier::create)
                .assertNext(n -> assertThat(n).isGreaterThanOrEqualTo(12)).verifyComplete();
        templates.render(sales, "DEMO-001", "Hello #CustomerName", "<p>#CustomerAccount</p>", "en", LocalDate.now())
                .as(StepVerifier::create)
                .assertNext(r -> assertThat(r.subject()).isEqualTo("Hello Atelier Martin"))
                .verifyComplete();
        // DEMO-005 has no collector: the demo collector does not see it
        templates.render(collector, "DEMO-005", "Hello", "Hi", "en", LocalDate.now()).as(StepVerifier::create)
                .expectError(UnknownCustomer.class).verify();
    }

    @Test
    void companiesDoNotSeeEachOthersTemplatesNorAccounts() {
        Staff demoAdmin = tenants.demo("admin");
        templates.create(demoAdmin, new TemplateDraft("TP_PRIVATE", "en", TemplateKind.EMAIL, "Private", "Secret",
                "Demo only")).block();
        TestTenants.Other other = tenants.create("tp-isolation");
        templates.one(other.admin(), "TP_PRIVATE", "en").as(StepVerifier::create).verifyComplete();
        templates.all(other.admin()).map(Template::code).collectList().as(StepVerifier::create)
                .assertNext(codes -> assertThat(codes).doesNotContain("TP_PRIVATE")).verifyComplete();
        templates.update(other.admin(), "TP_PRIVATE", "en", new TemplateDraft(null, null, TemplateKind.EMAIL, "Mine",
                        "x", "x"), null)
                .as(StepVerifier::create).expectError(UnknownTemplate.class).verify();
        templates.delete(other.admin(), "TP_PRIVATE", "en").as(StepVerifier::create)
                .expectError(UnknownTemplate.class).verify();
        // DEMO-001 in the other company is its own customer
        templates.render(other.admin(), "DEMO-001", "#CustomerName", "#CompanyName", null, LocalDate.now())
                .as(StepVerifier::create)
                .assertNext(r -> {
                    assertThat(r.subject()).isEqualTo("Secret Customer of tp-isolation");
                    assertThat(r.body()).isEqualTo("Other tp-isolation");
                    assertThat(r.language()).isEqualTo("fr"); // the company's language
                })
                .verifyComplete();
        templates.render(other.admin(), "DEMO-002", "x", "x", "en", LocalDate.now()).as(StepVerifier::create)
                .expectError(UnknownCustomer.class).verify();
        templates.one(demoAdmin, "TP_PRIVATE", "en").map(Template::name).as(StepVerifier::create)
                .expectNext("Private").verifyComplete();
    }
}
