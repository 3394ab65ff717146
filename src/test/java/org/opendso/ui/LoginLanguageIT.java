package org.opendso.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import com.vaadin.flow.i18n.I18NProvider;

/** The login page speaks the browser's language when it is English or French, and English otherwise. */
@IntegrationTest
class LoginLanguageIT {

    @Autowired
    I18NProvider i18n;

    @LocalServerPort
    int port;

    @Test
    void englishComesFirstAndBothLanguagesAreComplete() {
        assertThat(i18n.getProvidedLocales()).extracting(java.util.Locale::getLanguage).containsExactly("en", "fr");
        assertThat(i18n.getTranslation("login.title", java.util.Locale.US)).isEqualTo("Log in to OpenDSO");
        assertThat(i18n.getTranslation("login.title", java.util.Locale.FRANCE)).isEqualTo("Connexion à OpenDSO");
    }

    @Test
    void loginPageIsServed() {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/login").header("Accept-Language", "en-US,en;q=0.9").exchange()
                .expectStatus().isOk();
    }
}
