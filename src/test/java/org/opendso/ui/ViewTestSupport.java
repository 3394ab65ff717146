package org.opendso.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.opendso.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Browserless view tests on the whole application and the demo company: logs a demo user in the way the
 * login form would leave them (an authenticated principal from the real user store), in the UI's language.
 */
@IntegrationTest
@ViewPackages(packages = "org.opendso")
public abstract class ViewTestSupport extends SpringBrowserlessTest {

    @Autowired
    UserDetailsService userDetailsService;

    protected void login(String login) {
        UserDetails user = userDetailsService.loadUserByUsername(login);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        UI.getCurrent().setLocale(UiLocale.ENGLISH);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    /** Texts of the notifications currently shown. */
    protected List<String> notifications() {
        return $(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }

}
