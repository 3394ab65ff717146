package org.opendso.alert.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opendso.alert.AlertRule;
import org.opendso.alert.RuleSetting;
import org.opendso.web.ApiProblem;
import tools.jackson.databind.json.JsonMapper;

/** Reading the PUT body of {@code /api/v1/settings/alerts}: what is left out is kept, what is wrong names its field. */
class AlertApiBodyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void fieldsLeftOutKeepTheirValue() {
        assertThat(AlertApi.changes(JSON.readTree("""
                [{"rule": "no_action", "days": 20}, {"rule": "MAIL_FAILED", "enabled": false, "days": null}]""")))
                .containsExactly(new RuleSetting(AlertRule.NO_ACTION, null, 20),
                        new RuleSetting(AlertRule.MAIL_FAILED, false, null));
    }

    @Test
    void aWrongValueNamesItsFieldAndRule() {
        assertProblem("[{\"rule\": \"NO_ACTION\", \"days\": 1.5}]", "days", "NO_ACTION");
        assertProblem("[{\"rule\": \"NO_ACTION\", \"days\": \"ten\"}]", "days", "NO_ACTION");
        assertProblem("[{\"rule\": \"PROMISE_BROKEN\", \"enabled\": 1}]", "enabled", "PROMISE_BROKEN");
        assertProblem("[{\"days\": 3}]", "rule", null);
        assertProblem("[{\"rule\": \"SOMETIMES\"}]", "rule", "SOMETIMES");
        assertProblem("[3]", "rule", null);
        assertProblem("{\"rule\": \"NO_ACTION\"}", "rule", null);
    }

    private static void assertProblem(String body, String field, String rule) {
        assertThatThrownBy(() -> AlertApi.changes(JSON.readTree(body)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status().value()).isEqualTo(422);
                    assertThat(p.properties()).containsEntry("field", field);
                    if (rule == null) {
                        assertThat(p.properties()).doesNotContainKey("rule");
                    } else {
                        assertThat(p.properties()).containsEntry("rule", rule);
                    }
                });
    }
}
