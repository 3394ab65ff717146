package org.opendso.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void derivesR2dbcAndJdbcFromOneUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://dso:s%40cret@db.example:5433/opendso");
        assertThat(url.user()).isEqualTo("dso");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.r2dbc()).isEqualTo("r2dbc:postgresql://db.example:5433/opendso");
        assertThat(url.jdbc()).isEqualTo("jdbc:postgresql://db.example:5433/opendso");
        assertThat(url.toString()).doesNotContain("s@cret").doesNotContain("cret");
        assertThat(DatabaseUrl.parse(url.toUrlWithPassword())).isEqualTo(url);
    }

    @Test
    void defaultsPortUserAndDatabase() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://localhost");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.user()).isEqualTo("postgres");
        assertThat(url.database()).isEqualTo("postgres");
    }

    @Test
    void rejectsOtherSchemes() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://localhost/x"))
                .hasMessageContaining("postgresql://user:password@host:port/database");
    }
}
