package org.opendso.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HashtagsTest {

    @Test
    void findsKnownHashtagsWithTheirPositions() {
        var tokens = Hashtags.tokens("Dear #ContactName,\n<p>you owe #Balance.</p>");
        assertThat(tokens).extracting(Hashtags.Token::hashtag).containsExactly(Hashtag.CONTACT_NAME, Hashtag.BALANCE);
        assertThat(tokens.get(0).offset()).isEqualTo(5);
        assertThat(tokens.get(0).line()).isEqualTo(1);
        assertThat(tokens.get(0).column()).isEqualTo(6);
        assertThat(tokens.get(1).line()).isEqualTo(2);
        assertThat(tokens.get(1).column()).isEqualTo(12);
    }

    @Test
    void anUnknownHashtagIsReportedWithLineColumnAndOffset() {
        String body = "<p>Hello,</p>\n<p>your balance is #Balanse today</p>";
        assertThatThrownBy(() -> Hashtags.check("body", body, false))
                .isInstanceOfSatisfying(HashtagProblem.class, p -> {
                    assertThat(p.hashtag()).isEqualTo("#Balanse");
                    assertThat(p.field()).isEqualTo("body");
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.column()).isEqualTo(20);
                    assertThat(p.offset()).isEqualTo(body.indexOf("#Balanse"));
                    assertThat(p.suggestion()).isEqualTo("#Balance");
                    assertThat(p.getMessage()).contains("#Balanse", "line 2", "column 20", "did you mean #Balance?");
                });
    }

    @Test
    void aMisspellingIsMatchedToTheClosestHashtagAndNonsenseToNone() {
        assertThat(Hashtags.suggestion("CustomerNmae")).isEqualTo("#CustomerName");
        assertThat(Hashtags.suggestion("customername")).isEqualTo("#CustomerName");
        assertThat(Hashtags.suggestion("OverdueItemTable")).isEqualTo("#OverdueItemsTable");
        assertThat(Hashtags.suggestion("Todya")).isEqualTo("#Today");
        assertThat(Hashtags.suggestion("Weather")).isNull();
        assertThat(Hashtags.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void caseMatters() {
        assertThatThrownBy(() -> Hashtags.check("subject", "Hello #customername", true))
                .isInstanceOfSatisfying(HashtagProblem.class, p -> assertThat(p.suggestion()).isEqualTo("#CustomerName"));
    }

    @Test
    void aHashFollowedByADigitOrASpaceOrInsideATagOrAnEntityIsPlainText() {
        assertThat(Hashtags.tokens("invoice #123, item # 4, C#, &#x27; and &#39;")).isEmpty();
        assertThat(Hashtags.tokens("<span style=\"color:#a00\"><a href=\"#top\">x</a></span>")).isEmpty();
        Hashtags.check("body", "Paid invoice #123 on <b style=\"color:#abc\">time</b>", false);
    }

    @Test
    void tablesAndTheLogoHaveNoPlaceInASubject() {
        assertThatThrownBy(() -> Hashtags.check("subject", "Your items #OpenItemsTable", true))
                .isInstanceOfSatisfying(HashtagProblem.class, p -> {
                    assertThat(p.hashtag()).isEqualTo("#OpenItemsTable");
                    assertThat(p.column()).isEqualTo(12);
                });
        Hashtags.check("body", "#OpenItemsTable #CompanyLogo", false);
    }

    @Test
    void everyHashtagOfTheIssueIsKnownIncludingPortalLink() {
        String all = "#CustomerName #CustomerAccount #ContactName #Balance #OverdueAmount #OldestDueDate #PenaltyAmount "
                + "#IndemnityAmount #OpenItemsTable #OverdueItemsTable #CompanyName #CompanyAddress #CompanyLogo "
                + "#CollectorName #CollectorEmail #PortalLink #Today";
        Hashtags.check("body", all, false);
        assertThat(Hashtags.tokens(all)).hasSize(Hashtag.values().length);
    }
}
