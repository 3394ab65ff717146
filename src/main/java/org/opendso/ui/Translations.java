package org.opendso.ui;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The languages of the interface, English first: a browser asking for neither English nor French gets
 * English (Vaadin falls back to the first provided locale). Texts are in vaadin-i18n/translations_{en,fr}.
 */
@Component
class Translations extends DefaultI18NProvider {

    Translations() {
        super(List.of(Locale.ENGLISH, Locale.FRENCH), Translations.class.getClassLoader());
    }
}
