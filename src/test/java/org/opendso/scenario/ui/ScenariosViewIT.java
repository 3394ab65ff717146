package org.opendso.scenario.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.dnd.GridDropLocation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.scenario.Scenario;
import org.opendso.scenario.ScenarioDraft;
import org.opendso.scenario.ScenarioStep;
import org.opendso.scenario.Scenarios;
import org.opendso.scenario.ScheduledStep;
import org.opendso.scenario.StepKind;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.ui.UiLocale;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

class ScenariosViewIT extends ViewTestSupport {

    @Autowired
    Scenarios scenarios;

    @Test
    void onlyAnAdminOpensTheScenariosSettings() {
        login("collector");
        UI.getCurrent().navigate("settings/scenarios");
        assertThat(getCurrentView()).isNotInstanceOf(ScenariosView.class);
    }

    @Test
    void theGridListsTheStandardScenariosDefaultFirstWithTheirSteps() {
        login("admin");
        ScenariosView view = navigate(ScenariosView.class);
        assertThat(view.rows()).extracting(Scenario::name).contains("Standard", "Strategic accounts", "Export");
        assertThat(view.rows().getFirst().isDefault()).isTrue();
        var grid = test(view.grid);
        assertThat(grid.getCellText(0, grid.getColumnPosition("steps")))
                .isEqualTo("-5 d Email · +5 d Email · +15 d Call · +30 d Email · +45 d Letter");
    }

    @Test
    void inFrenchTheKindsAndThePageAreFrench() {
        login("admin");
        UI.getCurrent().setLocale(UiLocale.FRENCH);
        ScenariosView view = navigate(ScenariosView.class);
        var grid = test(view.grid);
        assertThat(grid.getCellText(0, grid.getColumnPosition("steps"))).startsWith("-5 j E-mail · +5 j E-mail · +15 j Appel");
        assertThat(view.getPageTitle()).isEqualTo("Scénarios de relance");
    }

    @Test
    void anAdminCreatesAScenarioAddingStepsAndReorderingThemByDragAndDrop() {
        login("admin");
        ScenariosView view = navigate(ScenariosView.class);
        int before = view.rows().size();
        test(view.create).click();
        ScenarioDialog dialog = $(ScenarioDialog.class).single();
        test(dialog.name).setValue("View key accounts");
        test(dialog.addStep).click();
        test(dialog.addStep).click();
        // the step editors live in grid cells, which a browserless test does not render: set them directly
        List<StepRow> rows = dialog.rows();
        rows.get(0).offsetDays.setValue(-2);
        rows.get(0).kind.setValue(StepKind.EMAIL);
        assertThat(rows.get(0).template.isEnabled()).isTrue();
        rows.get(0).template.setValue("pre_due_reminder");
        rows.get(1).offsetDays.setValue(10);
        assertThat(rows.get(1).template.isEnabled()).isFalse();
        rows.get(1).label.setValue("Call the buyer");
        // what a drop of the second row above the first does
        dialog.move(rows.get(1), rows.get(0), GridDropLocation.ABOVE);
        assertThat(dialog.rows()).containsExactly(rows.get(1), rows.get(0));
        test(dialog.save).click();

        assertThat($(ScenarioDialog.class).exists()).isFalse();
        assertThat(notifications()).contains("Scenario \"View key accounts\" created");
        assertThat(view.rows()).hasSize(before + 1);
        Scenario saved = scenarios.byName(tenant(), "View key accounts").block();
        assertThat(saved.steps()).extracting(ScenarioStep::kind).containsExactly(StepKind.CALL, StepKind.EMAIL);
        assertThat(saved.steps()).extracting(ScenarioStep::offsetDays).containsExactly(10, -2);
        assertThat(saved.steps()).extracting(ScenarioStep::template).containsExactly(null, "PRE_DUE_REMINDER");
        assertThat(saved.steps().getFirst().label()).isEqualTo("Call the buyer");
    }

    @Test
    void aMistakeKeepsTheDialogOpenAndSaysWhichStep() {
        login("admin");
        ScenariosView view = navigate(ScenariosView.class);
        test(view.create).click();
        ScenarioDialog dialog = $(ScenarioDialog.class).single();
        test(dialog.name).setValue("View broken");
        test(dialog.addStep).click();
        dialog.rows().getFirst().kind.setValue(StepKind.LETTER);
        test(dialog.save).click();
        assertThat($(ScenarioDialog.class).exists()).isTrue();
        assertThat(notifications()).anyMatch(n -> n.contains("Step 1") && n.contains("template"));
        // the step deleted, the scenario saves
        dialog.remove(dialog.rows().getFirst());
        test(dialog.save).click();
        assertThat($(ScenarioDialog.class).exists()).isFalse();
        assertThat(scenarios.byName(tenant(), "View broken").block().steps()).isEmpty();
    }

    @Test
    void deletingAScenarioMovesItsCustomersToTheChosenOne() {
        login("admin");
        Staff admin = CurrentStaff.require();
        Scenario doomed = scenarios.create(admin, new ScenarioDraft("View doomed", "", List.of())).block();
        scenarios.assign(admin, "DEMO-041", doomed.id()).block();
        ScenariosView view = navigate(ScenariosView.class);
        view.openDelete(view.rows().stream().filter(s -> s.id() == doomed.id()).findFirst().orElseThrow());
        test($(Button.class).withClassName("scenario-delete-confirm").single()).click();
        assertThat(notifications()).contains("Scenario \"View doomed\" deleted; 1 customer(s) now follow \"Standard\"");
        assertThat(view.rows()).noneMatch(s -> s.id() == doomed.id());
        assertThat(scenarios.ofAccount(admin, "DEMO-041").block().scenario().name()).isEqualTo("Standard");
        scenarios.assign(admin, "DEMO-041", null).block();
    }

    @Test
    void thePreviewShowsWhenEachStepFallsForACustomer() {
        login("admin");
        ScenariosView view = navigate(ScenariosView.class);
        assertThat(view.previewScenario.getValue().isDefault()).isTrue();
        test(view.previewAccount).setValue("DEMO-001");
        test(view.preview).click();
        List<ScheduledStep> expected = scenarios.preview(CurrentStaff.require(), view.previewScenario.getValue().id(),
                "DEMO-001", LocalDate.now()).collectList().block();
        assertThat(expected).hasSize(5);
        var timeline = test(view.timeline);
        assertThat(timeline.size()).isEqualTo(5);
        assertThat(timeline.getCellText(0, timeline.getColumnPosition("offset"))).isEqualTo("-5 d");
        assertThat(timeline.getCellText(4, timeline.getColumnPosition("kind"))).isEqualTo("Letter");

        test(view.previewAccount).setValue("NOPE-999");
        test(view.preview).click();
        assertThat(notifications()).anyMatch(n -> n.contains("NOPE-999"));
        assertThat(test(view.timeline).size()).isZero();
    }

    private long tenant() {
        return CurrentStaff.require().tenantId();
    }
}
