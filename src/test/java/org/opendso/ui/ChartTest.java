package org.opendso.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChartTest {

    @Test
    void categoriesBuildAnOptionWithAxisLegendAndSeries() {
        Chart chart = new Chart();
        chart.setOption(Chart.categories(List.of("W1", "W2"), List.of(
                Chart.Series.stacked("Expected", "cash", List.of(new BigDecimal("10.50"), BigDecimal.ONE)),
                Chart.Series.line("Received", Arrays.asList(null, new BigDecimal("2"))))));

        JsonNode option = chart.option();
        assertThat(option.path("xAxis").path("data").get(1).asString()).isEqualTo("W2");
        assertThat(option.path("series").get(0).path("stack").asString()).isEqualTo("cash");
        assertThat(option.path("series").get(0).path("data").get(0).decimalValue()).isEqualByComparingTo("10.50");
        assertThat(option.path("series").get(1).path("type").asString()).isEqualTo("line");
        assertThat(option.path("series").get(1).path("data").get(0).isNull()).isTrue();
        assertThat(option.path("color").size()).isGreaterThan(4);
    }
}
