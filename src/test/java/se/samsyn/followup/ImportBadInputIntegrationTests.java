package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** Every kind of bad file gets a clear Swedish answer through the API, and nothing is stored. */
class ImportBadInputIntegrationTests extends ImportTestSupport {

	@Test
	void notASpreadsheet() throws Exception {
		assertRefused("bild.xlsx", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' },
				"Filen är varken en xlsx-fil eller en CSV-fil");
	}

	@Test
	void passwordProtectedWorkbook() throws Exception {
		byte[] ole2 = new byte[1024];
		byte[] signature = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		System.arraycopy(signature, 0, ole2, 0, signature.length);
		assertRefused("skyddad.xlsx", ole2, "lösenordsskyddad");
	}

	@Test
	void macroWorkbook() throws Exception {
		assertRefused("makro.xlsm", FollowupWorkbookTests.zip("xl/workbook.xml", "<workbook/>".getBytes(), "xl/vbaProject.bin",
				new byte[64]), "makron");
	}

	@Test
	void aMacroPartIsFoundByItsContentTypeWhateverItsName() throws Exception {
		String vba = "<Override PartName=\"/xl/macros/module1.bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>";
		assertRefused("makro.xlsx", withPart(plainWorkbook(), "xl/macros/module1.bin", vba), "Filen innehåller makron");
		String hidden = "<Default Extension=\"dat\" ContentType=\"application/vnd.ms-office.vba&#80;roject\"/>";
		assertRefused("dold.xlsx", withPart(plainWorkbook(), "xl/data/x.dat", hidden), "Filen innehåller makron");
		MvcResult plain = upload("samsyn-demo-kansli", ips(), "vanlig.xlsx", plainWorkbook());
		assertThat(plain.getResponse().getStatus()).as("the same workbook without the part is read").isEqualTo(201);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(API + "/" + body(plain).get("id").asLong())
			.header("Authorization", "Bearer samsyn-demo-kansli"));
	}

	@Test
	void aPdfRenamedXlsxIsNoWorkbookAndNeverReadAsCsv() throws Exception {
		// Plain text throughout, as a PDF with only ASCII streams is: nothing in it looks binary.
		byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
				+ "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.US_ASCII);
		assertRefused("deltagare.xlsx", pdf, "fast den heter som en Excel-arbetsbok");
		assertRefused("deltagare.csv", pdf, "Filen är varken en xlsx-fil eller en CSV-fil");
		assertRefused("deltagare.xlsx", "Kön;Startdatum\nK;2024-01-10\n".getBytes(StandardCharsets.UTF_8),
				"fast den heter som en Excel-arbetsbok");
		// Shorter than any file signature: refused as no workbook, not a failure reading its first bytes.
		assertRefused("kort.xlsx", "abc".getBytes(StandardCharsets.US_ASCII), "fast den heter som en Excel-arbetsbok");
	}

	@Test
	void formulas() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Test", "1.0");
		Worksheet sheet = workbook.newWorksheet("Blad1");
		sheet.value(0, 0, "Kön");
		sheet.value(0, 1, "Födelseår");
		sheet.value(0, 2, "Startdatum");
		sheet.value(1, 0, "K");
		sheet.formula(1, 1, "2024-34");
		sheet.value(1, 2, "2024-01-10");
		workbook.finish();
		assertRefused("formler.xlsx", out.toByteArray(), "Filen innehåller formler (första i cell B2)");
	}

	@Test
	void tooManyColumns() throws Exception {
		StringBuilder header = new StringBuilder();
		for (int i = 0; i < 201; i++) {
			header.append("Kolumn ").append(i).append(';');
		}
		assertRefused("bred.csv", (header + "\nK\n").getBytes(StandardCharsets.UTF_8), "fler än 200 kolumner");
	}

	@Test
	void tooManyRows() throws Exception {
		StringBuilder csv = new StringBuilder("Kön;Startdatum\n");
		for (int i = 0; i < 50_001; i++) {
			csv.append("K;2024-01-10\n");
		}
		assertRefused("lång.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "fler än 50\u00a0000 rader");
	}

	@Test
	void zipBomb() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
			zip.write("<workbook/>".getBytes());
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 120; i++) {
				zip.write(zeros);
			}
		}
		assertRefused("bomb.xlsx", out.toByteArray(), "orimligt mycket data");
	}

	@Test
	void tooLarge() throws Exception {
		byte[] big = new byte[20 * 1024 * 1024 + 1];
		Arrays.fill(big, (byte) 'a');
		assertRefused("stor.csv", big, "större än 20 MB");
	}

	@Test
	void emptyOrMissing() throws Exception {
		assertRefused("tom.csv", new byte[0], "Välj en fil");
		assertRefused("rubriker.csv", "Kön;Startdatum\n".getBytes(StandardCharsets.UTF_8), "inga rader");
	}

	@Test
	void noInsatsChosen() throws Exception {
		String before = count("followup_import") + "";
		MvcResult result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(API)
			.file(new org.springframework.mock.web.MockMultipartFile("file", "a.csv", "text/csv", "Kön;Startdatum\nK;2024-01-01\n".getBytes()))
			.header("Authorization", "Bearer samsyn-demo-kansli")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(text(result)).contains("interventionId");
		assertThat(count("followup_import") + "").isEqualTo(before);
	}

	/** A workbook as Samsyn writes it: a header and one row, no macros. */
	private static byte[] plainWorkbook() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Test", "1.0");
		Worksheet sheet = workbook.newWorksheet("Blad1");
		sheet.value(0, 0, "Kön");
		sheet.value(0, 1, "Födelseår");
		sheet.value(0, 2, "Startdatum");
		sheet.value(0, 3, "Samtycke");
		sheet.value(1, 0, "K");
		sheet.value(1, 1, 1984);
		sheet.value(1, 2, "2024-01-10");
		sheet.value(1, 3, "Ja");
		workbook.finish();
		return out.toByteArray();
	}

	/** The workbook with one more part, declared in {@code [Content_Types].xml} by {@code declaration}. */
	private static byte[] withPart(byte[] xlsx, String part, String declaration) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get();
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipArchiveEntry entry : java.util.Collections.list(in.getEntries())) {
				byte[] bytes = in.getInputStream(entry).readAllBytes();
				if (entry.getName().equals("[Content_Types].xml")) {
					bytes = new String(bytes, StandardCharsets.UTF_8).replace("</Types>", declaration + "</Types>")
						.getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(bytes);
			}
			zip.putNextEntry(new ZipEntry(part));
			zip.write(new byte[512]);
		}
		return out.toByteArray();
	}

	private void assertRefused(String name, byte[] content, String message) throws Exception {
		String before = count("followup_import") + "/" + counts();
		MvcResult result = upload("samsyn-demo-kansli", ips(), name, content);
		assertThat(result.getResponse().getStatus()).as(text(result)).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(text(result)).contains("\"field\":\"file\"").contains(message);
		assertThat(count("followup_import") + "/" + counts()).as("nothing stored").isEqualTo(before);
	}
}
