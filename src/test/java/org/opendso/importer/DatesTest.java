package org.opendso.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    private static String read(String text) {
        StringBuilder out = new StringBuilder();
        return Dates.append(text, out) ? out.toString() : "INVALID:" + out;
    }

    @ParameterizedTest
    @CsvSource({
            "2026-03-31,2026-03-31",
            "31/03/2026,2026-03-31",
            "31.03.2026,2026-03-31",
            "31-03-2026,2026-03-31",
            "1/3/2026,2026-03-01",
            "29/02/2024,2024-02-29",
            "2026-03-31 00:00:00,2026-03-31",
            "2026-03-31T12:00,2026-03-31",
            "31/03/2026 10:15,2026-03-31",
    })
    void readsTheThreeFormats(String text, String expected) {
        assertThat(read(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2026", "29/02/2025", "2026-13-01", "2026-00-10", "00/01/2026", "31/03/26",
            "03/31/2026", "2026/03/31", "31.03-2026", "yesterday", "", "2026-3-31x", "123/03/2026"})
    void refusesWhatIsNoDate(String text) {
        assertThat(read(text)).isEqualTo("INVALID:");
    }
}
