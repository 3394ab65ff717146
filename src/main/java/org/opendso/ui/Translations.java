package org.opendso.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The languages of the interface, English first: a browser asking for neither English nor French gets English.
 * Each capability keeps its texts in its own bundle, {@code vaadin-i18n/<bundle>_{en,fr}.properties}, so that
 * features do not all edit one file; all bundles are merged here and a key defined twice stops the start.
 */
@Component
public class Translations implements I18NProvider {

    static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.FRENCH);

    private final Map<String, Map<String, String>> texts = new HashMap<>();

    Translations() {
        for (Locale locale : LOCALES) {
            texts.put(locale.getLanguage(), load(locale.getLanguage()));
        }
    }

    /** Every bundle of one language, merged; package-visible for the test that compares languages. */
    static Map<String, String> load(String language) {
        Map<String, String> merged = new HashMap<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(Translations.class.getClassLoader())
                    .getResources("classpath*:vaadin-i18n/*_" + language + ".properties");
            for (Resource file : files) {
                Properties p = new Properties();
                try (Reader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                for (String key : p.stringPropertyNames()) {
                    if (merged.put(key, p.getProperty(key)) != null) {
                        throw new IllegalStateException("Text '" + key + "' is defined twice (" + file.getFilename() + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return merged;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Map<String, String> language = texts.getOrDefault(locale == null ? "en" : locale.getLanguage(), texts.get("en"));
        String text = language.get(key);
        if (text == null) {
            text = texts.get("en").get(key);
        }
        if (text == null) {
            return "!{" + key + "}!";
        }
        return params.length == 0 ? text : new MessageFormat(text, locale).format(params);
    }

    /** For code outside a component (services formatting a text for a user's language). */
    public String text(String key, String language, Object... params) {
        return getTranslation(key, Locale.forLanguageTag(language == null ? "en" : language), params);
    }
}
