package org.opendso.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.customer.ui.CustomerListView;
import org.opendso.security.LoginView;

@IntegrationTest
class MainLayoutViewIT extends ViewTestSupport {

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
}
