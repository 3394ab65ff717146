package org.opendso.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.security.ApiToken;
import org.opendso.ui.ViewTestSupport;

@IntegrationTest
class ApiTokensViewIT extends ViewTestSupport {

    @Test
    void anyStaffMemberCreatesATokenSeesItsSecretOnceAndRevokesIt() {
        login("sales");
        ApiTokensView view = navigate(ApiTokensView.class);
        int before = test(view.grid).size();
        Dialog create = view.openCreate();
        test($(TextField.class).from(create).single()).setValue("BI dashboard");
        test($(Button.class).from(create).withText("Create token").single()).click();

        TextField secret = $(TextField.class).withClassName("secret").single();
        assertThat(secret.getValue()).startsWith("odso_");
        assertThat(secret.isReadOnly()).isTrue();
        assertThat(test(view.grid).size()).isEqualTo(before + 1);
        ApiToken token = test(view.grid).getRow(0);
        assertThat(token.name()).isEqualTo("BI dashboard");
        assertThat(secret.getValue()).startsWith(token.prefix());
        assertThat(token.isActive()).isTrue();

        Button revoke = (Button) test(view.grid).getCellComponent(0, "actions");
        test(revoke).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(test(view.grid).getRow(0).isActive()).isFalse();
    }
}
