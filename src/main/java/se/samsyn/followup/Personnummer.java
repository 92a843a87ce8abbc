package se.samsyn.followup;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A Swedish personnummer or samordningsnummer, validated: format, a real date of birth (for a
 * samordningsnummer the day plus 60) and the Luhn check digit. Never printed: {@link #toString()}
 * hides the number so that it cannot reach a log line or an error message by accident.
 */
public final class Personnummer {

	private final String digits;
	private final LocalDate birthDate;
	private final boolean coordinationNumber;

	private Personnummer(String digits, LocalDate birthDate, boolean coordinationNumber) {
		this.digits = digits;
		this.birthDate = birthDate;
		this.coordinationNumber = coordinationNumber;
	}

	/** Why a typed number was refused; the message keys name the rule, never the number. */
	public enum Problem {
		FORMAT, DATE, CHECK_DIGIT
	}

	/**
	 * Reads {@code ÅÅÅÅMMDD-NNNN}, {@code ÅÅÅÅMMDDNNNN}, {@code ÅÅMMDD-NNNN} or {@code ÅÅMMDD+NNNN}
	 * (plus for 100 years or older). A ten-digit number gets its century from {@code today}.
	 */
	public static Result parse(String text, LocalDate today) {
		if (text == null) {
			return Result.failed(Problem.FORMAT);
		}
		String trimmed = text.strip();
		boolean centenarian = false;
		String compact;
		if (trimmed.matches("\\d{8}[-]?\\d{4}")) {
			compact = trimmed.replace("-", "");
		}
		else if (trimmed.matches("\\d{6}[-+]?\\d{4}")) {
			centenarian = trimmed.contains("+");
			String ten = trimmed.replace("-", "").replace("+", "");
			int twoDigitYear = Integer.parseInt(ten.substring(0, 2));
			int century = today.getYear() / 100 * 100;
			int year = century + twoDigitYear;
			if (year > today.getYear()) {
				year -= 100;
			}
			if (centenarian) {
				year -= 100;
			}
			compact = year + ten.substring(2);
		}
		else {
			return Result.failed(Problem.FORMAT);
		}
		int year = Integer.parseInt(compact.substring(0, 4));
		int month = Integer.parseInt(compact.substring(4, 6));
		int day = Integer.parseInt(compact.substring(6, 8));
		boolean coordination = day > 60;
		LocalDate birth;
		try {
			birth = LocalDate.of(year, month, coordination ? day - 60 : day);
		}
		catch (DateTimeException ex) {
			return Result.failed(Problem.DATE);
		}
		if (birth.isAfter(today) || birth.getYear() < 1890) {
			return Result.failed(Problem.DATE);
		}
		if (!luhnValid(compact.substring(2))) {
			return Result.failed(Problem.CHECK_DIGIT);
		}
		return new Result(new Personnummer(compact, birth, coordination), null);
	}

	static boolean luhnValid(String tenDigits) {
		int sum = 0;
		for (int i = 0; i < 10; i++) {
			int digit = tenDigits.charAt(i) - '0';
			if (i % 2 == 0) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

	/** The twelve digits, for encryption and the keyed hash only. */
	String canonical() {
		return digits;
	}

	public int birthYear() {
		return birthDate.getYear();
	}

	public LocalDate birthDate() {
		return birthDate;
	}

	/** Legal gender from the second-to-last digit: odd is a man, even a woman. */
	public Gender legalGender() {
		return (digits.charAt(10) - '0') % 2 == 1 ? Gender.MAN : Gender.WOMAN;
	}

	public boolean coordinationNumber() {
		return coordinationNumber;
	}

	/** Shown masked, e.g. in the participant page: {@code 19850412-****}. */
	public String masked() {
		return digits.substring(0, 8) + "-****";
	}

	@Override
	public String toString() {
		return "Personnummer[hidden]";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Personnummer that && digits.equals(that.digits);
	}

	@Override
	public int hashCode() {
		return digits.hashCode();
	}

	/** A parsed number, or why it was refused. */
	public record Result(Personnummer value, Problem problem) {
		static Result failed(Problem problem) {
			return new Result(null, problem);
		}

		public Optional<Personnummer> valid() {
			return Optional.ofNullable(value);
		}
	}
}
