package org.opendso.report.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.opendso.report.AgingFigures;
import org.opendso.report.AgingReport;
import org.opendso.report.DashboardFigures;
import org.opendso.report.DisputeReport;
import org.opendso.report.Disputes;
import org.opendso.report.DsoReport;
import org.opendso.report.DsoTrend;
import org.opendso.report.FinanceDashboard;
import org.opendso.report.ItemsStatus;
import org.opendso.report.ItemsStatusReport;
import org.opendso.report.Qualification;
import org.opendso.report.ReportFilter;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.opendso.web.ApiProblem;
import org.opendso.web.QueryParams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/reports/{items-status|aging|dso|disputes}} and {@code GET /api/v1/dashboard}, filtered by the
 * {@link ReportParams} query parameters; each also answers CSV, for {@code Accept: text/csv} or at its {@code .csv}
 * address. Amounts are JSON numbers with two decimals.
 */
@Configuration
class ReportApi {

    static final MediaType CSV = ReportParams.CSV;

    private final ReportParams params;
    private final AgingReport aging;
    private final ItemsStatusReport status;
    private final DsoReport dso;
    private final DisputeReport disputes;
    private final FinanceDashboard dashboard;

    ReportApi(ReportParams params, AgingReport aging, ItemsStatusReport status, DsoReport dso, DisputeReport disputes,
              FinanceDashboard dashboard) {
        this.params = params;
        this.aging = aging;
        this.status = status;
        this.dso = dso;
        this.disputes = disputes;
        this.dashboard = dashboard;
    }

    @Bean
    RouterFunction<ServerResponse> reportRoutes() {
        return RouterFunctions.route()
                .GET("/v1/reports/items-status", r -> itemsStatus(r, wantsCsv(r)))
                .GET("/v1/reports/items-status.csv", r -> itemsStatus(r, true))
                .GET("/v1/reports/aging", r -> aging(r, wantsCsv(r)))
                .GET("/v1/reports/aging.csv", r -> aging(r, true))
                .GET("/v1/reports/dso", r -> dso(r, wantsCsv(r)))
                .GET("/v1/reports/dso.csv", r -> dso(r, true))
                .GET("/v1/reports/disputes", r -> disputes(r, wantsCsv(r)))
                .GET("/v1/reports/disputes.csv", r -> disputes(r, true))
                .GET("/v1/dashboard", r -> dashboard(r, wantsCsv(r)))
                .GET("/v1/dashboard.csv", r -> dashboard(r, true))
                .build();
    }

    static boolean wantsCsv(ServerRequest request) {
        return ReportParams.wantsCsv(request);
    }

    /** The caller and the filter of the request, then the report. */
    private <T> Mono<ServerResponse> report(ServerRequest request, boolean csv, Function<Staff, Mono<Void>> check,
                                            Reader<T> read, Function<T, Object> json, Function<T, String> text) {
        return CurrentStaff.reactive()
                .flatMap(staff -> check.apply(staff).then(params.filter(request, staff))
                        .flatMap(filter -> read.read(staff, filter)))
                .flatMap(result -> csv
                        ? ServerResponse.ok().contentType(CSV).bodyValue(text.apply(result))
                        : ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json.apply(result)));
    }

    private interface Reader<T> {
        Mono<T> read(Staff staff, ReportFilter filter);
    }

    private static Mono<Void> anyone(Staff staff) {
        return Mono.empty();
    }

    private Mono<ServerResponse> itemsStatus(ServerRequest request, boolean csv) {
        return report(request, csv, ReportApi::anyone, status::of, ReportApi::json, ReportCsv::itemsStatus);
    }

    private Mono<ServerResponse> aging(ServerRequest request, boolean csv) {
        int limit = QueryParams.integer(request, "limit", csv ? 1_000_000 : 100, 0, 1_000_000);
        return report(request, csv, ReportApi::anyone, (staff, filter) -> aging.of(staff, filter, limit), a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("currency", a.currency());
            m.putAll(json(a.total()));
            m.put("customers", a.customers().stream().map(c -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("account", c.account());
                line.putAll(json(c.figures()));
                return line;
            }).toList());
            return m;
        }, ReportCsv::aging);
    }

    private Mono<ServerResponse> dso(ServerRequest request, boolean csv) {
        int limit = QueryParams.integer(request, "limit", 100, 0, 10_000);
        return report(request, csv, ReportApi::anyone, (staff, filter) -> dso.of(staff, filter, limit),
                ReportApi::json, ReportCsv::dso);
    }

    private Mono<ServerResponse> disputes(ServerRequest request, boolean csv) {
        int limit = QueryParams.integer(request, "limit", csv ? 1_000_000 : DisputeReport.LINES, 0, 1_000_000);
        return report(request, csv, ReportApi::anyone, (staff, filter) -> disputes.of(staff, filter, limit),
                ReportApi::json, ReportCsv::disputes);
    }

    private Mono<ServerResponse> dashboard(ServerRequest request, boolean csv) {
        return report(request, csv, ReportApi::lead, dashboard::of, ReportApi::json, ReportCsv::dashboard);
    }

    /** The dashboard is the finance lead's (administrators) and the collectors' (their own book); not sales managers'. */
    static Mono<Void> lead(Staff staff) {
        return staff.role() == Role.SALES_MANAGER
                ? Mono.error(ApiProblem.forbidden("The dashboard is for administrators and collectors"))
                : Mono.empty();
    }

    static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    static Map<String, Object> json(AgingFigures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("notDue", money(f.notDue()));
        m.put("d1_30", money(f.d1_30()));
        m.put("d31_60", money(f.d31_60()));
        m.put("d61_90", money(f.d61_90()));
        m.put("over90", money(f.over90()));
        m.put("credits", money(f.credits()));
        m.put("balance", money(f.balance()));
        return m;
    }

    static Map<String, Object> json(Qualification q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("overdue", money(q.overdue()));
        m.put("qualified", money(q.qualified()));
        m.put("rate", q.rate());
        m.put("overdueItems", q.overdueItems());
        m.put("qualifiedItems", q.qualifiedItems());
        m.put("countRate", q.countRate());
        return m;
    }

    static Object json(ItemsStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", s.currency());
        m.put("qualification", json(s.qualification()));
        Function<org.opendso.report.StatusLine, Map<String, Object>> line = l -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("category", l.category());
            if (l.code() != null || l.labelEn() != null) {
                x.put("status", l.code());
                x.put("label", l.labelEn());
            }
            x.put("outstanding", money(l.outstanding()));
            x.put("overdue", money(l.overdue()));
            x.put("items", l.items());
            x.put("overdueItems", l.overdueItems());
            return x;
        };
        m.put("categories", s.categories().stream().map(line).toList());
        m.put("statuses", s.statuses().stream().map(line).toList());
        m.put("trend", s.trend().stream().map(p -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("day", p.day().toString());
            x.putAll(json(p.qualification()));
            return x;
        }).toList());
        return m;
    }

    static Object json(DsoTrend t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", t.currency());
        m.put("months", t.months().stream().map(x -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("month", x.month().toString().substring(0, 7));
            o.put("days", x.days());
            o.put("partial", x.partial());
            o.put("receivables", money(x.receivables()));
            o.put("current", money(x.current()));
            o.put("sales", money(x.sales()));
            o.put("dso", x.countback());
            o.put("simpleDso", x.simple());
            o.put("bestPossibleDso", x.bestPossible());
            o.put("averageDaysDelinquent", x.averageDaysDelinquent());
            o.put("cei", x.cei());
            return o;
        }).toList());
        m.put("customers", t.customers().stream().map(c -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("account", c.account());
            o.put("receivables", money(c.receivables()));
            o.put("monthSales", money(c.monthSales()));
            o.put("dso", c.countback());
            o.put("simpleDso", c.simple());
            return o;
        }).toList());
        return m;
    }

    static Object json(Disputes d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", d.currency());
        m.put("amount", money(d.amount()));
        m.put("items", d.items());
        m.put("averageResolutionDays", d.averageResolutionDays());
        m.put("resolved", d.resolved());
        m.put("lineCount", d.lineCount());
        m.put("ages", d.ages().stream().map(a -> Map.of("bucket", a.bucket(), "amount", money(a.amount()),
                "items", a.items())).toList());
        m.put("lines", d.lines().stream().map(l -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("account", l.account());
            o.put("status", l.code());
            o.put("label", l.labelEn());
            o.put("amount", money(l.amount()));
            o.put("items", l.items());
            o.put("since", l.since() == null ? null : l.since().toString());
            o.put("ageDays", l.ageDays());
            o.put("resolvers", l.resolvers());
            return o;
        }).toList());
        return m;
    }

    static Object json(DashboardFigures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", f.currency());
        m.put("balance", money(f.balance()));
        m.put("overdue", money(f.overdue()));
        m.put("overduePercent", f.overduePercent());
        m.put("dso", f.dso());
        m.put("qualificationRate", f.qualificationRate());
        m.put("openAlerts", f.openAlerts());
        return m;
    }

}
