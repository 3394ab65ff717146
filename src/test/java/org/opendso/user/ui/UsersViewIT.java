package org.opendso.user.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.security.Role;
import org.opendso.user.StaffUser;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;

@IntegrationTest
class UsersViewIT extends ViewTestSupport {

    @Autowired
    UserDetailsService directory;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void aCollectorCannotOpenTheUsersView() {
        login("collector");
        UI.getCurrent().navigate("settings/users");
        assertThat(getCurrentView()).isNotInstanceOf(UsersView.class);
        UI.getCurrent().navigate("settings/company");
        assertThat(getCurrentView().getClass().getSimpleName()).isNotEqualTo("CompanySettingsView");
    }

    @Test
    void adminCreatesAUserWithAGeneratedPassword() {
        login("admin");
        UsersView view = navigate(UsersView.class);
        int before = test(view.grid).size();
        test(view.create).click();
        UserDialog dialog = $(UserDialog.class).single();
        test(dialog.login).setValue("nora");
        test(dialog.name).setValue("Nora New");
        test(dialog.email).setValue("nora@demo.opendso.org");
        test(dialog.role).selectItem("Sales manager");
        test(dialog.save).click();

        assertThat($(UserDialog.class).exists()).isFalse();
        PasswordDialog shown = $(PasswordDialog.class).single();
        String password = shown.password.getValue();
        assertThat(password).hasSizeGreaterThanOrEqualTo(10);
        assertThat(test(view.grid).size()).isEqualTo(before + 1);
        StaffUser nora = users(view).stream().filter(u -> u.login().equals("nora")).findFirst().orElseThrow();
        assertThat(nora.role()).isEqualTo(Role.SALES_MANAGER);
        assertThat(nora.enabled()).isTrue();
        // the password shown is the one that works
        assertThat(encoder.matches(password, directory.loadUserByUsername("nora").getPassword())).isTrue();
    }

    @Test
    void aTakenLoginIsExplainedAndTheDialogStaysOpen() {
        login("admin");
        UsersView view = navigate(UsersView.class);
        test(view.create).click();
        UserDialog dialog = $(UserDialog.class).single();
        test(dialog.login).setValue("collector");
        test(dialog.name).setValue("Another Collector");
        test(dialog.password).setValue("secret-1");
        test(dialog.save).click();
        assertThat(notifications()).anyMatch(n -> n.contains("already taken"));
        assertThat($(UserDialog.class).exists()).isTrue();
    }

    @Test
    void adminDisablesAndEnablesAUserAndResetsAPassword() {
        login("admin");
        UsersView view = navigate(UsersView.class);
        test(view.create).click();
        UserDialog dialog = $(UserDialog.class).single();
        test(dialog.login).setValue("rita");
        test(dialog.name).setValue("Rita Reset");
        test(dialog.password).setValue("chosen-pw");
        test(dialog.save).click();
        assertThat($(PasswordDialog.class).exists()).as("a chosen password is not shown again").isFalse();
        assertThat(notifications()).contains("Rita Reset created");

        StaffUser rita = users(view).stream().filter(u -> u.login().equals("rita")).findFirst().orElseThrow();
        view.setEnabled(rita, false);
        assertThat(users(view)).filteredOn(u -> u.login().equals("rita")).singleElement()
                .extracting(StaffUser::enabled).isEqualTo(false);
        assertThat(directory.loadUserByUsername("rita").isEnabled()).isFalse();
        view.setEnabled(rita, true);
        assertThat(directory.loadUserByUsername("rita").isEnabled()).isTrue();

        PasswordDialog reset = view.resetPassword(rita);
        assertThat(encoder.matches(reset.password.getValue(), directory.loadUserByUsername("rita").getPassword())).isTrue();
    }

    private List<StaffUser> users(UsersView view) {
        var grid = test(view.grid);
        List<StaffUser> rows = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            rows.add(grid.getRow(i));
        }
        return rows;
    }
}
