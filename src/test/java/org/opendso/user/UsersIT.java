package org.opendso.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.test.StepVerifier;

@IntegrationTest
@Import(TestTenants.class)
class UsersIT {

    @Autowired
    Users users;

    @Autowired
    TestTenants tenants;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void adminCreatesAUserWithAHashedPassword() {
        Staff admin = tenants.demo("admin");
        users.create(admin, new NewStaffUser("Nora.IT", "Nora New", "nora@demo.example", Role.COLLECTOR, "fr", "pw-1234"))
                .as(StepVerifier::create).expectNextCount(1).verifyComplete();
        var details = userDetails.loadUserByUsername("nora.it");
        assertThat(details.getPassword()).startsWith("{bcrypt}").doesNotContain("pw-1234");
        assertThat(encoder.matches("pw-1234", details.getPassword())).isTrue();
        users.of(admin).filter(u -> u.login().equals("nora.it")).as(StepVerifier::create)
                .assertNext(u -> assertThat(u.locale()).isEqualTo("fr"))
                .verifyComplete();
        // logins are unique whatever the case
        users.create(admin, new NewStaffUser("NORA.it", "Other", "", Role.COLLECTOR, "en", "pw-1234"))
                .as(StepVerifier::create).expectErrorMessage("The login 'NORA.it' is already taken").verify();
    }

    @Test
    void onlyAdminsManageUsersAndOnlyTheirOwnTenant() {
        Staff collector = tenants.demo("collector");
        users.create(collector, new NewStaffUser("sneaky", "Sneaky", "", Role.ADMIN, "en", "pw-1234"))
                .as(StepVerifier::create).expectError(AccessDeniedException.class).verify();
        TestTenants.Other other = tenants.create("users");
        // the other tenant's admin cannot disable or reset a demo user
        users.setEnabled(other.admin(), tenants.demo("collector").userId(), false)
                .as(StepVerifier::create).expectError(IllegalArgumentException.class).verify();
        users.resetPassword(other.admin(), tenants.demo("collector").userId(), "hacked")
                .as(StepVerifier::create).expectError(IllegalArgumentException.class).verify();
        users.of(other.admin()).map(StaffUser::login).collectList().as(StepVerifier::create)
                .assertNext(l -> assertThat(l).containsExactlyInAnyOrder("users-admin", "users-collector"))
                .verifyComplete();
        users.setEnabled(other.admin(), other.admin().userId(), false)
                .as(StepVerifier::create).expectError(IllegalArgumentException.class).verify();
    }

    @Test
    void resetPasswordGeneratesOneWhenNoneIsGiven() {
        TestTenants.Other other = tenants.create("reset");
        String password = users.resetPassword(other.admin(), other.collector().userId(), null).block();
        assertThat(password).hasSize(14);
        assertThat(encoder.matches(password, userDetails.loadUserByUsername("reset-collector").getPassword())).isTrue();
    }
}
