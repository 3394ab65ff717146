package org.opendso.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opendso.security.CurrentStaff;
import org.opendso.user.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.opendso.IntegrationTest;
import org.opendso.customer.ui.CustomerListView;
import org.opendso.security.LoginView;

@IntegrationTest
class MainLayoutViewIT extends ViewTestSupport {

    @Autowired
    Users users;

    @Test
    void anonymousVisitorIsSentToTheLoginView() {
        UI.getCurrent().navigate("customers");
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        UI.getCurrent().navigate("");
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void rootIsTheCustomerListAndTheHeaderShowsWhoIsLoggedIn() {
        login("collector");
        UI.getCurrent().navigate("");
        assertThat(getCurrentView()).isInstanceOf(CustomerListView.class);
        assertThat($(Span.class).withClassName("who-name").single().getText()).isEqualTo("Colin Collector");
        assertThat($(Span.class).withClassName("who-role").single().getText()).isEqualTo("Collector");
    }

    @Test
    void collectorMenuHasNoAdminSettings() {
        login("collector");
        navigate(CustomerListView.class);
        var collectorMenu = $(SideNavItem.class).from($(SideNav.class).single()).all().stream()
                .map(SideNavItem::getLabel).toList();
        assertThat(collectorMenu).contains("Customers", "Imports", "API tokens").doesNotContain("Users", "My company");
    }

    @Test
    void adminMenuHasTheSettings() {
        login("admin");
        navigate(CustomerListView.class);
        var adminMenu = $(SideNavItem.class).from($(SideNav.class).single()).all().stream()
                .map(SideNavItem::getLabel).toList();
        assertThat(adminMenu).contains("Customers", "Imports", "My company", "Users", "API tokens");
    }

    @Test
    @SuppressWarnings("unchecked")
    void languageSwitchSavesTheChoiceAndRemembersItForTheSession() {
        login("collector");
        navigate(CustomerListView.class);
        Select<Locale> language = $(Select.class).withClassName("language-switch").single();
        test(language).selectItem("FR");
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.FRENCH);
        assertThat(UiLocale.current(VaadinSession.getCurrent())).isEqualTo(Locale.FRENCH);
        assertThat(savedLocale()).isEqualTo("fr");
        assertThat(UI.getCurrent().getTranslation("customers.title")).isEqualTo("Clients");

        test(language).selectItem("EN");
        assertThat(savedLocale()).isEqualTo("en");
        assertThat(UiLocale.current(VaadinSession.getCurrent())).isEqualTo(Locale.ENGLISH);
    }

    private String savedLocale() {
        return users.of(CurrentStaff.require()).filter(u -> u.login().equals("collector")).blockFirst().locale();
    }
}
