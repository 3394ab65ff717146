package org.opendso.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chart drawn in the browser by Apache ECharts, loaded from its WebJar as a static resource (the frontend build
 * takes no npm package). The server sets an ECharts option as JSON; the browser fills in the colours of the current
 * Lumo theme (text, grid lines, tooltip) and draws again when the theme switches between light and dark, so every
 * chart is readable in both. Labels come translated from the caller.
 */
@Tag("div")
@JavaScript("context://webjars/echarts/5.3.1/dist/echarts.min.js")
public class Chart extends Component implements HasSize, HasStyle {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Series colours that read on white and on Lumo's dark background alike. */
    private static final List<String> PALETTE = List.of("#1676f3", "#e8830c", "#19a463", "#d33a3a", "#8e59d6",
            "#00a5b8", "#c9a400", "#7a8699");

    // Sets the option on the element's chart, creating it on first use; colours come from the Lumo custom
    // properties at that moment, so a theme switch (a MutationObserver on <html theme>) redraws with new ones.
    private static final String RENDER = """
            const el = this;
            const draw = () => {
              if (!window.echarts) { setTimeout(draw, 50); return; }
              const css = getComputedStyle(el);
              const v = (name, fallback) => (css.getPropertyValue(name) || '').trim() || fallback;
              const text = v('--lumo-body-text-color', '#1a2636');
              const muted = v('--lumo-secondary-text-color', '#5b6b80');
              const line = v('--lumo-contrast-20pct', 'rgba(26,38,54,0.2)');
              const base = v('--lumo-base-color', '#fff');
              const option = JSON.parse(el.__option);
              option.backgroundColor = 'transparent';
              option.textStyle = Object.assign({ color: text, fontFamily: v('--lumo-font-family', 'sans-serif') },
                  option.textStyle || {});
              const axis = a => (Array.isArray(a) ? a : a ? [a] : []).forEach(x => {
                x.axisLabel = Object.assign({ color: muted }, x.axisLabel || {});
                x.axisLine = Object.assign({ lineStyle: { color: line } }, x.axisLine || {});
                x.splitLine = Object.assign({ lineStyle: { color: line } }, x.splitLine || {});
                x.nameTextStyle = Object.assign({ color: muted }, x.nameTextStyle || {});
              });
              axis(option.xAxis); axis(option.yAxis);
              (Array.isArray(option.legend) ? option.legend : option.legend ? [option.legend] : [])
                  .forEach(l => l.textStyle = Object.assign({ color: text }, l.textStyle || {}));
              if (option.tooltip) {
                option.tooltip = Object.assign({ backgroundColor: base, borderColor: line,
                    textStyle: { color: text } }, option.tooltip);
              }
              if (!el.__chart) {
                el.__chart = window.echarts.init(el, null, { renderer: 'svg' });
                new ResizeObserver(() => el.__chart && el.__chart.resize()).observe(el);
                new MutationObserver(() => el.__draw && el.__draw())
                    .observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
              }
              el.__chart.setOption(option, true);
            };
            el.__draw = draw;
            el.__option = $0;
            draw();
            """;

    private String option = "{}";

    public Chart() {
        addClassName("opendso-chart");
        setWidthFull();
        setHeight("280px");
    }

    /** Replaces what the chart shows (an ECharts option); the series palette is added unless it has its own. */
    public void setOption(ObjectNode option) {
        if (!option.has("color")) {
            ArrayNode colors = option.putArray("color");
            PALETTE.forEach(colors::add);
        }
        this.option = JSON.writeValueAsString(option);
        getElement().executeJs(RENDER, this.option);
    }

    /** The option last set, as JSON: what browserless tests read. */
    public JsonNode option() {
        return JSON.readTree(option);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // a re-attached element is a new one in the browser: draw it again
        getElement().executeJs(RENDER, option);
    }

    /** A new empty option to fill in. */
    public static ObjectNode newOption() {
        return JSON.createObjectNode();
    }

    /** Bars (or lines) over categories: the common report chart, with a legend and a tooltip. */
    public static ObjectNode categories(List<String> categories, List<Series> series) {
        ObjectNode option = newOption();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("bottom", 0);
        option.putObject("grid").put("left", 8).put("right", 16).put("top", 16).put("bottom", 40)
                .put("containLabel", true);
        ArrayNode labels = option.putObject("xAxis").put("type", "category").putArray("data");
        categories.forEach(labels::add);
        option.putObject("yAxis").put("type", "value");
        ArrayNode out = option.putArray("series");
        for (Series s : series) {
            ObjectNode node = out.addObject().put("name", s.name()).put("type", s.type());
            if (s.stack() != null) {
                node.put("stack", s.stack());
            }
            ArrayNode data = node.putArray("data");
            s.values().forEach(value -> {
                if (value == null) {
                    data.addNull();
                } else {
                    data.add(value);
                }
            });
        }
        return option;
    }

    /** One series of a {@link #categories} chart: {@code type} is "bar" or "line"; a non-null stack piles bars. */
    public record Series(String name, String type, String stack, List<BigDecimal> values) {

        public static Series bars(String name, List<BigDecimal> values) {
            return new Series(name, "bar", null, values);
        }

        public static Series stacked(String name, String stack, List<BigDecimal> values) {
            return new Series(name, "bar", stack, values);
        }

        public static Series line(String name, List<BigDecimal> values) {
            return new Series(name, "line", null, values);
        }
    }
}
