package se.samsyn.finance;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of an SIE 4 file (the Swedish accounting export standard, www.sie.se) that an
 * outcome needs: the chart of accounts ({@code #KONTO}), the verifications with their transactions
 * ({@code #VER}/{@code #TRANS}) and the period balances ({@code #PSALDO}) of the current year. The
 * standard's character set is PC8 (IBM code page 437). A broken file is refused with every problem
 * and its line number; nothing is read half.
 */
public final class SieFile {

	public static final Charset PC8 = Charset.forName("IBM437");
	private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

	/**
	 * The largest amount, in öre, that a transaction, a balance or a sum of them may come to either way:
	 * 10^12 kr (tusen miljarder), far beyond any förbund and far within a {@code long}.
	 */
	public static final long MAX_ORE = 100_000_000_000_000L;

	/** One booked amount: positive is debit, negative credit, in öre to stay exact; {@code line} is the file's. */
	public record Transaction(String account, LocalDate date, long ore, int line) {
	}

	/** The balance of an account for one month of the current year ({@code #PSALDO 0 yyyymm}). */
	public record PeriodBalance(String account, int year, int month, long ore, int line) {
	}

	public record Problem(int line, String message) {
	}

	public record Parsed(Map<String, String> accounts, List<Transaction> transactions, List<PeriodBalance> periodBalances,
			List<Problem> problems) {

		public boolean ok() {
			return problems.isEmpty();
		}
	}

	private SieFile() {
	}

	public static Parsed parse(byte[] bytes) {
		Map<String, String> accounts = new LinkedHashMap<>();
		List<Transaction> transactions = new ArrayList<>();
		List<PeriodBalance> balances = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		String[] lines = new String(bytes, PC8).split("\r?\n");
		boolean sawSieType = false;
		LocalDate verificationDate = null;
		boolean inVerification = false;
		for (int i = 0; i < lines.length; i++) {
			int number = i + 1;
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			List<String> fields;
			try {
				fields = fields(line);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem(number, "sie.quote"));
				continue;
			}
			String label = fields.get(0);
			try {
				switch (label) {
					case "#SIETYP" -> {
						sawSieType = true;
						if (!fields.get(1).equals("4")) {
							problems.add(new Problem(number, "sie.type"));
						}
					}
					case "#KONTO" -> accounts.put(account(fields.get(1)), fields.size() > 2 ? fields.get(2) : "");
					case "#VER" -> {
						verificationDate = LocalDate.parse(fields.get(3), DATE);
						inVerification = false;
					}
					case "{" -> inVerification = true;
					case "}" -> {
						inVerification = false;
						verificationDate = null;
					}
					case "#TRANS" -> {
						if (!inVerification || verificationDate == null) {
							problems.add(new Problem(number, "sie.trans.outside"));
							continue;
						}
						String account = account(fields.get(1));
						int amountAt = fields.get(2).startsWith("{") ? 3 : 2;
						long ore = ore(fields.get(amountAt));
						LocalDate date = fields.size() > amountAt + 1 && fields.get(amountAt + 1).matches("\\d{8}")
								? LocalDate.parse(fields.get(amountAt + 1), DATE) : verificationDate;
						if (Math.abs(ore) > MAX_ORE) {
							problems.add(new Problem(number, "sie.amount.tooLarge"));
							continue;
						}
						transactions.add(new Transaction(account, date, ore, number));
					}
					case "#PSALDO" -> {
						if (fields.get(1).equals("0") && fields.get(4).equals("{}")) {
							String period = fields.get(2);
							if (!period.matches("\\d{6}")) {
								throw new IllegalArgumentException();
							}
							int month = Integer.parseInt(period.substring(4));
							if (month < 1 || month > 12) {
								problems.add(new Problem(number, "sie.period"));
								continue;
							}
							String account = account(fields.get(3));
							long ore = ore(fields.get(5));
							if (Math.abs(ore) > MAX_ORE) {
								problems.add(new Problem(number, "sie.amount.tooLarge"));
								continue;
							}
							balances.add(new PeriodBalance(account, Integer.parseInt(period.substring(0, 4)), month, ore, number));
						}
					}
					default -> {
						if (!label.startsWith("#") ) {
							problems.add(new Problem(number, "sie.label"));
						}
					}
				}
			}
			catch (IndexOutOfBoundsException | DateTimeParseException | IllegalArgumentException ex) {
				problems.add(new Problem(number, "sie.field"));
			}
		}
		if (!sawSieType) {
			problems.add(0, new Problem(1, "sie.notSie"));
		}
		if (inVerification) {
			problems.add(new Problem(lines.length, "sie.unclosed"));
		}
		return new Parsed(accounts, transactions, balances, problems);
	}

	/** Splits a line into fields: quoted strings may hold spaces and \" escapes; {…} is one field. */
	static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		int i = 0;
		while (i < line.length()) {
			char c = line.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '"') {
				StringBuilder out = new StringBuilder();
				i++;
				boolean closed = false;
				while (i < line.length()) {
					char d = line.charAt(i++);
					if (d == '\\' && i < line.length()) {
						out.append(line.charAt(i++));
					}
					else if (d == '"') {
						closed = true;
						break;
					}
					else {
						out.append(d);
					}
				}
				if (!closed) {
					throw new IllegalArgumentException("Unclosed quote");
				}
				fields.add(out.toString());
			}
			else if (c == '{' && line.length() > 1) {
				int end = line.indexOf('}', i);
				if (end < 0) {
					throw new IllegalArgumentException("Unclosed object list");
				}
				fields.add(line.substring(i, end + 1).replaceAll("\\s+", ""));
				i = end + 1;
			}
			else {
				int start = i;
				while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
					i++;
				}
				fields.add(line.substring(start, i));
			}
		}
		return fields;
	}

	private static String account(String value) {
		if (!value.matches("\\d{1,10}")) {
			throw new IllegalArgumentException("Not an account");
		}
		return value;
	}

	/** An amount with a decimal point and at most two decimals, as öre. */
	private static long ore(String value) {
		if (!value.matches("-?\\d{1,13}(\\.\\d{1,2})?")) {
			throw new IllegalArgumentException("Not an amount");
		}
		return new java.math.BigDecimal(value).movePointRight(2).longValueExact();
	}
}
