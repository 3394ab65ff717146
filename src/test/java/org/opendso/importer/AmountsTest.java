package org.opendso.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

    private static String read(String text, boolean negative) {
        StringBuilder out = new StringBuilder("x");
        return Amounts.append(text, negative, out) ? out.substring(1) : "INVALID:" + out;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1234.5|1234.5",
            "1234,5|1234.5",
            "1 234,56|1234.56",
            "1\u00A0234,56|1234.56",
            "1\u202F234,56|1234.56",
            "1.234,56|1234.56",
            "1,234.56|1234.56",
            "1'234.56|1234.56",
            "1.234.567|1234567",
            "1,234,567.89|1234567.89",
            "12 345 678,9|12345678.9",
            "-1 234,56|-1234.56",
            "1234,56-|-1234.56",
            "(1 234,56)|-1234.56",
            "+12|12",
            "0,00|0",
            "-0,00|0",
            "007,10|7.1",
            ",5|0.5",
            "1.5000|1.5",
            "12.3456|12.3456",
            "1 234,56 €|1234.56",
            "€ 99|99",
            "1.234|1.234",
            "1,234|1.234",
    })
    void readsTheWaysErpsWriteMoney(String text, String expected) {
        assertThat(read(text, false)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"100|-100", "-100|-100", "(100)|-100", "0|0", "1 000,5|-1000.5"})
    void creditNotesAndPaymentsAreNegativeWhateverTheSign(String text, String expected) {
        assertThat(read(text, true)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "12a", "1,2,3,4.5.6", "12 34", "1.23.4", "1,234.567,8", "--5", "(-5)",
            "1.23456", "1234567890123456", "-", ".", "1 2345", "1..2", "5 EUR"})
    void refusesWhatIsNoAmount(String text) {
        assertThat(read(text, false)).isEqualTo("INVALID:x");
    }
}
