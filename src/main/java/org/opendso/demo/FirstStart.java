package org.opendso.demo;

import org.opendso.security.Role;
import org.opendso.tenant.Companies;
import org.opendso.user.NewStaffUser;
import org.opendso.user.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * On an empty database: loads the demo company ({@code opendso.demo=true}, the default) or creates an
 * empty company with the user {@code admin} (password from {@code opendso.admin-password}, else a random
 * one written once to the log).
 */
@Component
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final DatabaseClient db;
    private final Companies companies;
    private final Users users;
    private final DemoCompany demo;
    private final boolean demoMode;
    private final String adminPassword;

    FirstStart(DatabaseClient db, Companies companies, Users users, DemoCompany demo,
               @Value("${opendso.demo:true}") boolean demoMode,
               @Value("${opendso.admin-password:}") String adminPassword) {
        this.db = db;
        this.companies = companies;
        this.users = users;
        this.demo = demo;
        this.demoMode = demoMode;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        // runs once on the main thread during start-up, before requests are served: waiting is intended
        firstStart().block(); // allowed-blocking: start-up thread
    }

    Mono<Void> firstStart() {
        return db.sql("select exists (select 1 from tenant) as any").map((r, m) -> r.get("any", Boolean.class)).one()
                .flatMap(any -> any ? Mono.<Void>empty() : (demoMode ? demo.load() : emptyCompany()));
    }

    private Mono<Void> emptyCompany() {
        boolean generated = adminPassword == null || adminPassword.isBlank();
        String password = generated ? Users.randomPassword() : adminPassword;
        return companies.create("My company", "EUR", "en")
                .flatMap(tenant -> users.bootstrap(tenant,
                        new NewStaffUser("admin", "Administrator", "", Role.ADMIN, "en", password)))
                .doOnSuccess(id -> {
                    if (generated) {
                        log.warn("First start: created the user 'admin' with the password '{}' (shown only this once;"
                                + " change it under Settings > Users)", password);
                    } else {
                        log.info("First start: created the user 'admin' with the password from OPENDSO_ADMIN_PASSWORD");
                    }
                })
                .then();
    }
}
