package se.samsyn.followup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import se.samsyn.platform.ValidationException;

/**
 * Reads an uploaded follow-up file, xlsx or CSV, into rows of text cells: dates as ISO dates,
 * numbers as plain text. Refuses, with a reason a user understands, anything that is not a plain
 * spreadsheet: other formats, encrypted or macro workbooks, formulas, zip bombs, too many rows or
 * columns. Judges the content: a name never makes a file acceptable, and one that says xlsx only keeps
 * something else (a PDF renamed) from being read as CSV.
 */
final class FollowupWorkbookReader {

	static final int MAX_BYTES = 20 * 1024 * 1024;
	static final int MAX_COLUMNS = 200;
	static final int MAX_ROWS = 50_000;
	static final long MAX_UNCOMPRESSED = 100L * 1024 * 1024;
	static final int MAX_ENTRIES = 1_000;
	static final long MAX_RATIO = 200;
	private static final int HEADER_SEARCH_ROWS = 10;
	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/** The header row and the data rows below it; each row knows its number in the file (the header's is 1 or more). */
	record ParsedFile(int headerRow, List<String> headers, List<ParsedRow> rows) {
	}

	record ParsedRow(int number, List<String> cells) {

		String cell(int index) {
			return index < cells.size() ? cells.get(index) : "";
		}
	}

	private FollowupWorkbookReader() {
	}

	static ParsedFile read(byte[] content) {
		return read(null, content);
	}

	/** The file's rows; {@code fileName} (may be null) only decides which refusal explains a file that is no workbook. */
	static ParsedFile read(String fileName, byte[] content) {
		if (content == null || content.length == 0) {
			throw refused("import.file.missing");
		}
		if (content.length > MAX_BYTES) {
			throw refused("import.file.tooLarge", MAX_BYTES / (1024 * 1024));
		}
		// The signature checks need the first eight bytes; a shorter file is neither kind of workbook.
		boolean signed = content.length >= 8;
		if (signed && ReadableWorkbook.isOLE2Header(content)) {
			throw refused("import.file.encrypted");
		}
		boolean namedWorkbook = fileName != null && WORKBOOK_NAME.matcher(fileName.strip()).find();
		if (signed && ReadableWorkbook.isOOXMLZipHeader(content)) {
			return withHeader(readXlsx(content, namedWorkbook));
		}
		if (namedWorkbook) {
			throw refused("import.file.notWorkbook");
		}
		if (KnownFormat.of(content) != null) {
			throw refused("import.file.type");
		}
		return withHeader(readCsv(content));
	}

	private static final java.util.regex.Pattern WORKBOOK_NAME = java.util.regex.Pattern
		.compile("\\.(xlsx|xlsm|xltx|xltm|xls)$", java.util.regex.Pattern.CASE_INSENSITIVE);

	/** Formats people upload by mistake that could pass as text: refused by their signature, never read as CSV. */
	private enum KnownFormat {
		PDF("%PDF-"), RTF("{\\rtf"), PNG("\u0089PNG"), GIF("GIF8"), JPEG("\u00FF\u00D8\u00FF");

		private final byte[] signature;

		KnownFormat(String signature) {
			this.signature = signature.getBytes(StandardCharsets.ISO_8859_1);
		}

		static KnownFormat of(byte[] content) {
			int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
					&& (content[2] & 0xFF) == 0xBF ? 3 : 0;
			for (KnownFormat format : values()) {
				if (content.length - start >= format.signature.length && java.util.Arrays.equals(content, start,
						start + format.signature.length, format.signature, 0, format.signature.length)) {
					return format;
				}
			}
			return null;
		}
	}

	// --- xlsx

	private static List<List<String>> readXlsx(byte[] content, boolean namedWorkbook) {
		inspectZip(content, namedWorkbook);
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content), new ReadingOptions(true, false))) {
			Sheet sheet = workbook.getFirstSheet();
			try (var stream = sheet.openStream()) {
				Iterator<Row> iterator = stream.iterator();
				while (iterator.hasNext()) {
					Row row = iterator.next();
					List<String> cells = new ArrayList<>();
					for (Cell cell : row) {
						if (cell == null) {
							continue;
						}
						String text = text(cell);
						if (text.isEmpty()) {
							continue;
						}
						int column = cell.getColumnIndex();
						if (column >= MAX_COLUMNS) {
							throw refused("import.file.tooManyColumns", MAX_COLUMNS);
						}
						while (cells.size() <= column) {
							cells.add("");
						}
						cells.set(column, text);
					}
					int number = row.getRowNum();
					while (rows.size() < number - 1) {
						rows.add(List.of());
					}
					rows.add(cells);
					if (rows.size() > MAX_ROWS + HEADER_SEARCH_ROWS) {
						throw refused("import.file.tooManyRows", MAX_ROWS);
					}
				}
			}
		}
		catch (ValidationException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw refused("import.file.unreadable");
		}
		return rows;
	}

	/**
	 * Looks into the zip before the spreadsheet reader does: the entries the reader will use, their
	 * real (not declared) sizes, macros – by part name and by the content types the package declares, since a
	 * macro part may have any name – and that it is a workbook at all.
	 */
	private static void inspectZip(byte[] content, boolean namedWorkbook) {
		boolean workbook = false;
		java.io.ByteArrayOutputStream contentTypes = null;
		long total = 0;
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
			List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
			if (entries.size() > MAX_ENTRIES) {
				throw refused("import.file.zipBomb");
			}
			byte[] buffer = new byte[64 * 1024];
			java.util.Set<String> names = new java.util.HashSet<>();
			for (ZipArchiveEntry entry : entries) {
				String name = entry.getName().toLowerCase(Locale.ROOT);
				if (!names.add(name)) {
					// Two parts of one name: which one a reader takes is anyone's guess.
					throw refused("import.file.unreadable");
				}
				if (name.endsWith("vbaproject.bin") || name.endsWith(".bin") && name.contains("vba")
						|| name.startsWith("xl/macrosheets/")) {
					throw refused("import.file.macros");
				}
				if (name.equals(CONTENT_TYPES)) {
					contentTypes = new java.io.ByteArrayOutputStream();
				}
				if (name.equals("xl/workbook.xml")) {
					workbook = true;
				}
				if (name.equals("encryptioninfo") || name.equals("encryptedpackage")) {
					throw refused("import.file.encrypted");
				}
				try (InputStream in = zip.getInputStream(entry)) {
					int read;
					while ((read = in.read(buffer)) > 0) {
						total += read;
						if (total > MAX_UNCOMPRESSED || total > MAX_RATIO * content.length && total > 10L * 1024 * 1024) {
							throw refused("import.file.zipBomb");
						}
						if (name.equals(CONTENT_TYPES)) {
							if (contentTypes.size() + read > MAX_CONTENT_TYPES) {
								throw refused("import.file.unreadable");
							}
							contentTypes.write(buffer, 0, read);
						}
					}
				}
			}
		}
		catch (ValidationException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw refused("import.file.unreadable");
		}
		if (!workbook) {
			throw refused(namedWorkbook ? "import.file.notWorkbook" : "import.file.type");
		}
		if (contentTypes != null && declaresMacros(contentTypes.toByteArray())) {
			throw refused("import.file.macros");
		}
	}

	private static final String CONTENT_TYPES = "[content_types].xml";
	private static final int MAX_CONTENT_TYPES = 1024 * 1024;

	/**
	 * Whether the package's {@code [Content_Types].xml} declares a part that carries code: a VBA project (under any
	 * part name), a macro-enabled workbook, Excel 4 macro sheets or ActiveX controls. Read with a parser that
	 * resolves no DTD or external entity; character references are decoded, so they hide nothing.
	 */
	private static boolean declaresMacros(byte[] xml) {
		javax.xml.stream.XMLInputFactory factory = javax.xml.stream.XMLInputFactory.newFactory();
		factory.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		try {
			javax.xml.stream.XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
			try {
				while (reader.hasNext()) {
					if (reader.next() != javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
						continue;
					}
					for (int i = 0; i < reader.getAttributeCount(); i++) {
						if ("ContentType".equalsIgnoreCase(reader.getAttributeLocalName(i))
								&& isMacroType(reader.getAttributeValue(i))) {
							return true;
						}
					}
				}
			}
			finally {
				reader.close();
			}
		}
		catch (javax.xml.stream.XMLStreamException ex) {
			throw refused("import.file.unreadable");
		}
		return false;
	}

	private static boolean isMacroType(String contentType) {
		String type = contentType.strip().toLowerCase(Locale.ROOT);
		return type.contains("vbaproject") || type.contains("macroenabled") || type.contains("macrosheet")
				|| type.startsWith("application/vnd.ms-office.activex");
	}

	private static String text(Cell cell) {
		if (cell.getFormula() != null && !cell.getFormula().isBlank()) {
			throw refused("import.file.formulas", cell.getAddress().toString());
		}
		CellType type = cell.getType();
		if (type == null) {
			return "";
		}
		switch (type) {
			case NUMBER:
				if (isDateFormat(cell)) {
					// A follow-up file holds days; a time of day in a date cell is dropped.
					try {
						LocalDateTime date = cell.asDate();
						return date.toLocalDate().toString();
					}
					catch (RuntimeException ex) {
						// A number no calendar holds: left as it is, for the row's date check to refuse.
						return cell.asNumber().stripTrailingZeros().toPlainString();
					}
				}
				BigDecimal number = cell.asNumber();
				return number.stripTrailingZeros().toPlainString();
			case BOOLEAN:
				return Boolean.TRUE.equals(cell.asBoolean()) ? "Ja" : "Nej";
			case FORMULA:
				throw refused("import.file.formulas", cell.getAddress().toString());
			case ERROR:
				return cell.getRawValue() == null ? "" : cell.getRawValue().strip();
			case EMPTY:
				return "";
			default:
				String text = cell.getText();
				return text == null ? "" : text.strip();
		}
	}

	/** Excel stores a date as a number with a date format: the built-in ids 14–22 and 45–47, or a format with d, m and y. */
	private static boolean isDateFormat(Cell cell) {
		Integer id = cell.getDataFormatId();
		if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47 || id >= 27 && id <= 36 || id >= 50 && id <= 58)) {
			return true;
		}
		String format = cell.getDataFormatString();
		if (format == null) {
			return false;
		}
		String plain = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase(Locale.ROOT);
		return plain.contains("y") && plain.contains("d") || plain.contains("yy") && plain.contains("m");
	}

	// --- csv

	private static List<List<String>> readCsv(byte[] content) {
		String text = decode(content);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
				throw refused("import.file.type");
			}
		}
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator(text)).setIgnoreEmptyLines(false)
			.setIgnoreSurroundingSpaces(true).setTrailingData(true).setLenientEof(true).get();
		List<List<String>> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, format)) {
			for (CSVRecord record : parser) {
				List<String> row = new ArrayList<>();
				for (String cell : record) {
					addCell(row, cell);
				}
				rows.add(trimmed(row));
				if (rows.size() > MAX_ROWS + HEADER_SEARCH_ROWS) {
					throw refused("import.file.tooManyRows", MAX_ROWS);
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw refused("import.file.type");
		}
		return rows;
	}

	private static void addCell(List<String> row, String cell) {
		if (row.size() >= MAX_COLUMNS && !cell.isBlank()) {
			throw refused("import.file.tooManyColumns", MAX_COLUMNS);
		}
		row.add(cell.strip());
	}

	private static List<String> trimmed(List<String> row) {
		int end = row.size();
		while (end > 0 && row.get(end - 1).isEmpty()) {
			end--;
		}
		return new ArrayList<>(row.subList(0, end));
	}

	/** UTF-8 with or without a byte-order mark, else Windows-1252 (what Excel for Windows writes as "CSV"). */
	private static String decode(byte[] content) {
		if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) {
			return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
		}
		catch (CharacterCodingException ex) {
			return new String(content, WINDOWS_1252);
		}
	}

	/** The separator the first line uses most: semicolon (Swedish Excel), comma or tab. */
	private static char separator(String text) {
		int end = text.indexOf('\n');
		String first = end < 0 ? text : text.substring(0, end);
		long semicolons = first.chars().filter(c -> c == ';').count();
		long commas = first.chars().filter(c -> c == ',').count();
		long tabs = first.chars().filter(c -> c == '\t').count();
		if (tabs > semicolons && tabs > commas) {
			return '\t';
		}
		return commas > semicolons ? ',' : ';';
	}

	// --- the header

	/** The header is the first of the first rows that names at least two known columns, else the first non-empty row. */
	private static ParsedFile withHeader(List<List<String>> rows) {
		int header = -1;
		for (int i = 0; i < Math.min(rows.size(), HEADER_SEARCH_ROWS); i++) {
			long known = rows.get(i).stream().filter(cell -> ImportField.byHeader(cell).isPresent()).count();
			if (known >= 2) {
				header = i;
				break;
			}
		}
		if (header < 0) {
			for (int i = 0; i < rows.size(); i++) {
				if (!rows.get(i).isEmpty()) {
					header = i;
					break;
				}
			}
		}
		if (header < 0) {
			throw refused("import.file.empty");
		}
		List<String> headers = rows.get(header);
		List<ParsedRow> data = new ArrayList<>();
		int width = headers.size();
		for (int i = header + 1; i < rows.size(); i++) {
			List<String> cells = rows.get(i);
			if (cells.stream().allMatch(String::isEmpty)) {
				continue;
			}
			width = Math.max(width, cells.size());
			data.add(new ParsedRow(i + 1, cells));
		}
		if (data.isEmpty()) {
			throw refused("import.file.noRows");
		}
		if (data.size() > MAX_ROWS) {
			throw refused("import.file.tooManyRows", MAX_ROWS);
		}
		List<String> named = new ArrayList<>(headers);
		while (named.size() < width) {
			named.add("");
		}
		return new ParsedFile(header + 1, named, data);
	}

	private static ValidationException refused(String key, Object... arguments) {
		return ValidationException.of("file", key, arguments);
	}
}
