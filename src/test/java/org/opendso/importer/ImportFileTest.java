package org.opendso.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportFileTest {

    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "f", ".csv");
        Files.write(file, bytes);
        return file;
    }

    private Path write(String text) throws IOException {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    private record Line(long line, List<String> values) {
    }

    private static List<Line> read(ImportFile file) {
        List<Line> lines = new ArrayList<>();
        CSVRecord record;
        while ((record = file.next()) != null) {
            lines.add(new Line(file.line(), record.toList()));
        }
        return lines;
    }

    @Test
    void sniffsSeparatorOutsideQuotes() throws IOException {
        assertThat(FileFormat.sniff(write("account;name;\"city, country\"\n1;a;b\n")).delimiter()).isEqualTo(';');
        assertThat(FileFormat.sniff(write("account,name,city\n1,a,b\n")).delimiter()).isEqualTo(',');
        assertThat(FileFormat.sniff(write("account\tname\tcity\n1\ta\tb\n")).delimiter()).isEqualTo('\t');
        assertThat(FileFormat.sniff(write("\"a;b\",c,d\n1,2,3\n")).delimiter()).isEqualTo(',');
    }

    @Test
    void tieBetweenSeparatorsIsSettledByTheNextLine() {
        assertThat(FileFormat.delimiter(new String[] {"a;b,c", "1;2,5;3"})).isEqualTo(',');
        assertThat(FileFormat.delimiter(new String[] {"a;b,c", "1;2,5"})).isEqualTo(';');
    }

    @Test
    void sniffsEncoding() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "compte;nom\nC1;Société\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(body, 0, withBom, 3, body.length);
        FileFormat utf8Bom = FileFormat.sniff(write(withBom));
        assertThat(utf8Bom.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(utf8Bom.bomLength()).isEqualTo(3);
        assertThat(FileFormat.sniff(write(body)).charset()).isEqualTo(StandardCharsets.UTF_8);
        byte[] cp1252 = "compte;nom\nC1;Soci\u00e9t\u00e9\n".getBytes(FileFormat.WINDOWS_1252);
        assertThat(FileFormat.sniff(write(cp1252)).charset()).isEqualTo(FileFormat.WINDOWS_1252);
    }

    @Test
    void readsAccentedHeadersAndValuesOfEitherEncodingWithBom() throws IOException {
        byte[] cp1252 = "Compte;Raison sociale\nC1;Soci\u00e9t\u00e9 G\u00e9n\u00e9rale\n".getBytes(FileFormat.WINDOWS_1252);
        try (ImportFile file = ImportFile.open(write(cp1252), ImportKind.CUSTOMERS, Map.of())) {
            assertThat(read(file)).containsExactly(new Line(2, List.of("C1", "Société Générale")));
        }
        byte[] bom = "\uFEFFCompte;Nom\r\nC1;Société\r\n".getBytes(StandardCharsets.UTF_8);
        try (ImportFile file = ImportFile.open(write(bom), ImportKind.CUSTOMERS, Map.of())) {
            assertThat(file.header().field("account")).isEqualTo(0);
            assertThat(read(file)).containsExactly(new Line(2, List.of("C1", "Société")));
        }
    }

    @Test
    void lineNumbersAreTheEditorsOnesWithBlankLinesAndQuotedNewlines() throws IOException {
        String text = "\n\naccount;name;address\r\n"
                + "A1;One;\"1 rue X\r\n75001 Paris\"\r\n"
                + "\r\n"
                + ";;\r\n"
                + "A2;\"Two; and \"\"more\"\"\";x\r\n"
                + "A3;\"Three\n\n\";y\n"
                + "A4;Four;z";
        try (ImportFile file = ImportFile.open(write(text), ImportKind.CUSTOMERS, Map.of())) {
            assertThat(read(file)).containsExactly(
                    new Line(4, List.of("A1", "One", "1 rue X\r\n75001 Paris")),
                    new Line(8, List.of("A2", "Two; and \"more\"", "x")),
                    new Line(9, List.of("A3", "Three", "y")),
                    new Line(12, List.of("A4", "Four", "z")));
        }
    }

    @Test
    void missingRequiredColumnsAreNamed() throws IOException {
        assertThatThrownBy(() -> ImportFile.open(write("compte;montant\nA;1\n"), ImportKind.ITEMS, Map.of()))
                .isInstanceOf(FileProblem.class)
                .hasMessageContaining("missing required columns number, due_date")
                .hasMessageContaining("compte, montant");
    }

    @Test
    void twoHeadersForOneColumnAreAmbiguous() throws IOException {
        assertThatThrownBy(() -> ImportFile.open(write("compte;nom;raison sociale\n"), ImportKind.CUSTOMERS, Map.of()))
                .isInstanceOf(FileProblem.class)
                .hasMessageContaining("'nom' and 'raison sociale' both mean name");
    }

    @Test
    void savedMappingComesFirstAndCanIgnoreAColumn() throws IOException {
        Map<String, String> mapping = Map.of("Code tiers", "account", "Nom", "ignore", "Libellé tiers", "name");
        try (ImportFile file = ImportFile.open(write("CODE TIERS;nom;libelle tiers\nA;x;Y\n"), ImportKind.CUSTOMERS,
                mapping)) {
            assertThat(file.header().field("account")).isEqualTo(0);
            assertThat(file.header().field("name")).isEqualTo(2);
        }
    }

    @Test
    void emptyFileIsAFileProblem() throws IOException {
        assertThatThrownBy(() -> ImportFile.open(write("\n\n"), ImportKind.ITEMS, Map.of()))
                .isInstanceOf(FileProblem.class).hasMessageContaining("empty");
    }
}
