package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import se.samsyn.followup.FollowupWorkbookReader.ParsedFile;
import se.samsyn.platform.ValidationException;

/** Reading follow-up files: what other programs write, and what is refused. */
class FollowupWorkbookTests {

	@Test
	void readsAnXlsxWrittenByLibreOfficeWithATitleRowAboveTheHeaders() throws IOException {
		ParsedFile file = FollowupWorkbookReader.read(resource("/followup/insatsuppfoljning-stockholm.xlsx"));
		assertThat(file.headerRow()).isEqualTo(3);
		assertThat(file.headers()).startsWith("Kön", "Ålder", "Utbildning", "Tid utan arbete", "Försörjning");
		assertThat(file.rows()).hasSize(12);
		var first = file.rows().get(0);
		assertThat(first.number()).isEqualTo(4);
		assertThat(first.cells()).startsWith("Kvinna", "34", "Gymnasial utbildning 3 år");
		assertThat(first.cell(7)).as("a date cell as an ISO date").isEqualTo("2024-01-15");
		assertThat(file.rows().get(1).cell(8)).isEqualTo("2024-09-30");
		assertThat(file.rows().get(4).cell(4)).isEqualTo("Aktivitetsersättning; Ekonomiskt bistånd");
	}

	@Test
	void readsCsvInUtf8WithBomWindows1252AndCommas() {
		String text = "Kön;Ålder;Startdatum\r\nKvinna;34;2024-01-15\r\n\"Man\";\"28\";2024-02-01\r\n";
		byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
		byte[] windows = text.getBytes(Charset.forName("windows-1252"));
		for (byte[] content : new byte[][] { bom, windows, text.getBytes(StandardCharsets.UTF_8) }) {
			ParsedFile file = FollowupWorkbookReader.read(content);
			assertThat(file.headers()).containsExactly("Kön", "Ålder", "Startdatum");
			assertThat(file.rows()).hasSize(2);
			assertThat(file.rows().get(1).cells()).containsExactly("Man", "28", "2024-02-01");
		}
		ParsedFile commas = FollowupWorkbookReader.read(
				"Kön,Försörjning,Startdatum\nK,\"Lön, A-kassa\",2024-01-15\n".getBytes(StandardCharsets.UTF_8));
		assertThat(commas.rows().get(0).cells()).containsExactly("K", "Lön, A-kassa", "2024-01-15");
	}

	@Test
	void readsQuotedCellsWithSeparatorsQuotesAndLineBreaksAsTheyWereWritten() throws IOException {
		String address = "Storgatan 1; \"Huset\"\r\n2 tr";
		StringBuilder text = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
			printer.printRecord("Kön", "Startdatum", "Anteckning");
			printer.printRecord("Kvinna", "2024-01-15", address);
			printer.printRecord("Man", "2024-02-01", "ord med \"citattecken\" i");
		}
		ParsedFile file = FollowupWorkbookReader.read(text.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(file.rows()).hasSize(2);
		assertThat(file.rows().get(0).cells()).containsExactly("Kvinna", "2024-01-15", address);
		assertThat(file.rows().get(1).cells()).containsExactly("Man", "2024-02-01", "ord med \"citattecken\" i");
	}

	@Test
	void aBlankLineKeepsTheRowNumbersOfTheFile() {
		ParsedFile file = FollowupWorkbookReader.read("Kön;Startdatum\nKvinna;2024-01-15\n\nMan;2024-02-01\n"
			.getBytes(StandardCharsets.UTF_8));
		assertThat(file.rows().get(file.rows().size() - 1).number()).isEqualTo(4);
	}

	@Test
	void refusesWhatIsNotASpreadsheet() {
		assertRefused(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "import.file.type");
		assertRefused("%PDF-1.7\n\u0000\u0001binary".getBytes(StandardCharsets.ISO_8859_1), "import.file.type");
		assertRefused(new byte[0], "import.file.missing");
	}

	@Test
	void refusesPasswordProtectedOrOldExcelFiles() {
		byte[] ole2 = new byte[512];
		byte[] signature = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		System.arraycopy(signature, 0, ole2, 0, signature.length);
		assertRefused(ole2, "import.file.encrypted");
	}

	@Test
	void refusesMacroWorkbooks() throws IOException {
		assertRefused(zip("xl/workbook.xml", "<workbook/>".getBytes(), "xl/vbaProject.bin", new byte[100]), "import.file.macros");
	}

	@Test
	void refusesAZipThatIsNotAWorkbook() throws IOException {
		assertRefused(zip("word/document.xml", "<document/>".getBytes(), "[Content_Types].xml", "<Types/>".getBytes()),
				"import.file.type");
	}

	@Test
	void refusesZipBombs() throws IOException {
		// 110 MB of zeros packs into about 100 kB.
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
			zip.write("<workbook/>".getBytes());
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 110; i++) {
				zip.write(zeros);
			}
		}
		assertThat(out.size()).isLessThan(FollowupWorkbookReader.MAX_BYTES);
		assertRefused(out.toByteArray(), "import.file.zipBomb");
	}

	@Test
	void refusesFormulas() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Test", "1.0");
		Worksheet sheet = workbook.newWorksheet("Blad1");
		sheet.value(0, 0, "Kön");
		sheet.value(0, 1, "Ålder");
		sheet.value(1, 0, "K");
		sheet.formula(1, 1, "30+4");
		workbook.finish();
		ValidationException ex = refused(out.toByteArray());
		assertThat(ex.errors().get(0).messageKey()).isEqualTo("import.file.formulas");
		assertThat(ex.errors().get(0).arguments()).containsExactly("B2");
	}

	@Test
	void refusesTooManyColumnsRowsOrBytes() {
		StringBuilder wide = new StringBuilder();
		for (int i = 0; i <= FollowupWorkbookReader.MAX_COLUMNS; i++) {
			wide.append("k").append(i).append(';');
		}
		assertRefused((wide + "\nx\n").getBytes(StandardCharsets.UTF_8), "import.file.tooManyColumns");
		StringBuilder tall = new StringBuilder("Kön;Startdatum\n");
		for (int i = 0; i <= FollowupWorkbookReader.MAX_ROWS; i++) {
			tall.append("K;2024-01-01\n");
		}
		assertRefused(tall.toString().getBytes(StandardCharsets.UTF_8), "import.file.tooManyRows");
		byte[] big = new byte[FollowupWorkbookReader.MAX_BYTES + 1];
		java.util.Arrays.fill(big, (byte) 'a');
		assertRefused(big, "import.file.tooLarge");
	}

	@Test
	void recognisesHeadersRegardlessOfCaseAccentsAndSpacing() {
		assertThat(ImportField.byHeader("KON")).contains(ImportField.GENDER);
		assertThat(ImportField.byHeader("  tid  utan arbete: ")).contains(ImportField.TIME_WITHOUT_WORK);
		assertThat(ImportField.byHeader("Anmälare")).contains(ImportField.REFERRER);
		assertThat(ImportField.byHeader("Inkomstkälla")).contains(ImportField.INCOME_SOURCES);
		assertThat(ImportField.byHeader("Födelseår")).contains(ImportField.BIRTH_YEAR);
		assertThat(ImportField.byHeader("Område")).contains(ImportField.DISTRICT);
		assertThat(ImportField.byHeader("Skostorlek")).isEmpty();
	}

	@Test
	void readsDatesAsSwedishFilesWriteThem() {
		assertThat(ImportChecker.date("2024-1-5")).isEqualTo("2024-01-05");
		assertThat(ImportChecker.date("20240105")).isEqualTo("2024-01-05");
		assertThat(ImportChecker.date("5.1.2024")).isEqualTo("2024-01-05");
		assertThat(ImportChecker.date("2024-01-05 00:00:00")).isEqualTo("2024-01-05");
		assertThat(ImportChecker.date("45306")).isEqualTo("2024-01-15");
		assertThat(ImportChecker.date("den femte")).isEqualTo("den femte");
	}

	private static void assertRefused(byte[] content, String key) {
		assertThat(refused(content).errors().get(0).messageKey()).isEqualTo(key);
	}

	private static ValidationException refused(byte[] content) {
		Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> FollowupWorkbookReader.read(content));
		assertThat(thrown).isInstanceOf(ValidationException.class);
		return (ValidationException) thrown;
	}

	static byte[] zip(String name, byte[] content, String name2, byte[] content2) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content);
			zip.putNextEntry(new ZipEntry(name2));
			zip.write(content2);
		}
		return out.toByteArray();
	}

	static byte[] resource(String path) throws IOException {
		try (InputStream in = FollowupWorkbookTests.class.getResourceAsStream(path)) {
			return in.readAllBytes();
		}
	}

}
