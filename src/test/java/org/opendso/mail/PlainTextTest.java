package org.opendso.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void paragraphsRowsAndEntitiesBecomeReadableText() {
        String html = "<p>Hello Atelier &amp; Fils,</p><p>Items are marked \"Promise to pay\".</p>"
                + "<blockquote>We pay on Friday<br>by transfer</blockquote>"
                + "<table border=\"1\"><thead><tr><th>Number</th><th>Due date</th></tr></thead>"
                + "<tbody><tr><td>INV-1</td><td>1 Mar 2026</td></tr><tr><td>INV-2</td><td>2 Mar 2026</td></tr></tbody></table>"
                + "<p>Kind regards,<br>Demo &lt;Industries&gt;</p>";
        assertThat(PlainText.of(html)).isEqualTo("""
                Hello Atelier & Fils,

                Items are marked "Promise to pay".

                > We pay on Friday
                by transfer

                Number\tDue date
                INV-1\t1 Mar 2026
                INV-2\t2 Mar 2026

                Kind regards,
                Demo <Industries>""");
    }

    @Test
    void scriptsStylesAndEmptyBodiesGiveNoText() {
        assertThat(PlainText.of("<style>p{color:red}</style><script>alert(1)</script><p>Only this</p>"))
                .isEqualTo("Only this");
        assertThat(PlainText.of(null)).isEmpty();
        assertThat(PlainText.of("  ")).isEmpty();
    }
}
