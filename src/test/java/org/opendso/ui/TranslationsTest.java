package org.opendso.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text exists in English and French, and every text with parameters is a valid message pattern. */
class TranslationsTest {

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        Properties en = load("translations_en.properties");
        Properties fr = load("translations_fr.properties");
        assertThat(fr.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(en.stringPropertyNames()).allSatisfy(key -> {
            assertThat(en.getProperty(key)).as(key).isNotBlank();
            assertThat(fr.getProperty(key)).as(key).isNotBlank();
        });
    }

    @Test
    void parameterisedTextsFormat() throws IOException {
        for (String file : new String[] {"translations_en.properties", "translations_fr.properties"}) {
            Properties texts = load(file);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text.contains("{0}")) {
                    String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"});
                    // a stray apostrophe would swallow the parameters
                    assertThat(formatted).as(file + " " + key).doesNotContain("{0}").contains("A");
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
