package org.opendso.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.Locale;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.user.Users;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame around every page: a side menu built from the views' {@code @Menu} annotations (so the layout
 * knows no feature), the page title, the capabilities' {@link HeaderWidget}s, who is logged in, the language switch
 * and logout.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 title = new H1();

    MainLayout(AuthenticationContext authentication, Users users, ObjectProvider<HeaderWidget> widgets) {
        Staff staff = CurrentStaff.require();
        setPrimarySection(Section.DRAWER);
        addClassName("main-layout");

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));
        title.addClassName("page-title");

        Select<Locale> language = new Select<>();
        language.setItems(UiLocale.ENGLISH, UiLocale.FRENCH);
        language.setItemLabelGenerator(l -> l.getLanguage().toUpperCase(Locale.ROOT));
        language.setValue(UiLocale.FRENCH.getLanguage().equals(getLocale().getLanguage()) ? UiLocale.FRENCH : UiLocale.ENGLISH);
        language.setAriaLabel(getTranslation("layout.language"));
        language.setTooltipText(getTranslation("layout.language"));
        language.addClassName("language-switch");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                switchLanguage(users, staff, e.getValue());
            }
        });

        Div who = new Div();
        who.addClassName("who");
        Span name = new Span(staff.name());
        name.addClassName("who-name");
        Span role = new Span(getTranslation("role." + staff.role().name()));
        role.addClassName("who-role");
        who.add(name, role);

        Button logout = new Button(getTranslation("layout.logout"), new Icon(VaadinIcon.SIGN_OUT), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.TERTIARY);
        logout.addClassName("logout");

        HorizontalLayout right = new HorizontalLayout();
        widgets.orderedStream().sorted(Comparator.comparingInt(HeaderWidget::order))
                .forEach(widget -> right.add(widget.create()));
        right.add(who, language, logout);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.addClassName("header-right");

        HorizontalLayout header = new HorizontalLayout(toggle, title, right);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(title);
        header.addClassName("app-header");
        addToNavbar(header);

        Div brand = new Div(new Span("Open"), new Span("DSO"));
        brand.addClassName("brand");
        Span company = new Span(getTranslation("layout.tagline"));
        company.addClassName("brand-tagline");
        Div drawerHead = new Div(brand, company);
        drawerHead.addClassName("drawer-head");
        addToDrawer(drawerHead, new Scroller(menu()));
    }

    private SideNav menu() {
        SideNav nav = new SideNav();
        nav.addClassName("main-menu");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = entry.icon() == null || entry.icon().isBlank()
                    ? new SideNavItem(getTranslation(entry.title()), entry.path())
                    : new SideNavItem(getTranslation(entry.title()), entry.path(), icon(entry.icon()));
            nav.addItem(item);
        }
        return nav;
    }

    private static Component icon(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? new Icon("vaadin", name) : new Icon(name.substring(0, colon), name.substring(colon + 1));
    }

    private void switchLanguage(Users users, Staff staff, Locale locale) {
        try {
            users.setLocale(staff, locale.getLanguage()).block(); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Toasts.failure(e);
            return;
        }
        UI ui = UI.getCurrent();
        UiLocale.choose(ui, locale);
        // every text of the page was built in the old language: rebuild the page
        ui.getPage().reload();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Component content = getContent();
        String text = content instanceof HasDynamicTitle dynamic ? dynamic.getPageTitle()
                : MenuConfiguration.getPageHeader(content).orElse("");
        title.setText(text == null ? "" : text.replaceFirst(" · OpenDSO$", ""));
    }
}
