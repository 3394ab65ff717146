package org.opendso.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every text exists in English and French, and every text with parameters is a valid message pattern. */
class TranslationsTest {

    @Test
    void englishAndFrenchHaveTheSameKeys() {
        var en = Translations.load("en");
        var fr = Translations.load("fr");
        assertThat(en).containsKey("login.title");
        assertThat(fr.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
        assertThat(en.keySet()).allSatisfy(key -> {
            assertThat(en.get(key)).as(key).isNotBlank();
            assertThat(fr.get(key)).as(key).isNotBlank();
        });
    }

    @Test
    void parameterisedTextsFormat() {
        for (String file : new String[] {"en", "fr"}) {
            var texts = Translations.load(file);
            for (String key : texts.keySet()) {
                String text = texts.get(key);
                if (text.contains("{0}")) {
                    String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"});
                    // a stray apostrophe would swallow the parameters
                    assertThat(formatted).as(file + " " + key).doesNotContain("{0}").contains("A");
                }
            }
        }
    }
}
