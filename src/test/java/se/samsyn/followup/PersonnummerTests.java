package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PersonnummerTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	@Test
	void acceptsTheCommonWaysOfWritingAValidNumber() {
		for (String text : new String[] { "19811218-9876", "198112189876", "811218-9876", "8112189876", " 19811218-9876 " }) {
			var result = Personnummer.parse(text, TODAY);
			assertThat(result.problem()).as(text).isNull();
			assertThat(result.value().birthYear()).isEqualTo(1981);
			assertThat(result.value().legalGender()).as("second-to-last digit 7 is odd").isEqualTo(Gender.MAN);
		}
		assertThat(Personnummer.parse("811218-9876", TODAY).value())
			.isEqualTo(Personnummer.parse("19811218-9876", TODAY).value());
	}

	@Test
	void aWrongCheckDigitIsRefused() {
		assertThat(Personnummer.parse("19811218-9877", TODAY).problem()).isEqualTo(Personnummer.Problem.CHECK_DIGIT);
		assertThat(Personnummer.parse("19811218-9875", TODAY).problem()).isEqualTo(Personnummer.Problem.CHECK_DIGIT);
	}

	@Test
	void theDateMustExist() {
		assertThat(Personnummer.parse("19810230-1234", TODAY).problem()).isEqualTo(Personnummer.Problem.DATE);
		assertThat(Personnummer.parse("19811318-9876", TODAY).problem()).isEqualTo(Personnummer.Problem.DATE);
		assertThat(Personnummer.parse("20301218-9876", TODAY).problem()).as("born in the future")
			.isEqualTo(Personnummer.Problem.DATE);
	}

	@Test
	void aSamordningsnummerHasTheDayPlusSixty() {
		// 1981-12-18 + 60 = day 78; the check digit computed over 8112789876 style digits.
		String tenDigits = withCheckDigit("811278987");
		var result = Personnummer.parse("19" + tenDigits.substring(0, 6) + "-" + tenDigits.substring(6), TODAY);
		assertThat(result.problem()).isNull();
		assertThat(result.value().coordinationNumber()).isTrue();
		assertThat(result.value().birthDate()).isEqualTo(LocalDate.of(1981, 12, 18));
	}

	@Test
	void aPlusMeansAHundredYearsOrOlder() {
		String tenDigits = withCheckDigit("201203238");
		var result = Personnummer.parse(tenDigits.substring(0, 6) + "+" + tenDigits.substring(6), TODAY);
		assertThat(result.value().birthYear()).isEqualTo(1920);
		var young = Personnummer.parse(tenDigits.substring(0, 6) + "-" + tenDigits.substring(6), TODAY);
		assertThat(young.value().birthYear()).isEqualTo(2020);
	}

	@Test
	void formatsThatAreNotANumberAreRefused() {
		for (String text : new String[] { "", "abc", "1981-12-18", "19811218 9876", "1981121898761" }) {
			assertThat(Personnummer.parse(text, TODAY).problem()).as(text).isEqualTo(Personnummer.Problem.FORMAT);
		}
		assertThat(Personnummer.parse(null, TODAY).problem()).isEqualTo(Personnummer.Problem.FORMAT);
	}

	@Test
	void theNumberNeverShowsInTextOutput() {
		var number = Personnummer.parse("19811218-9876", TODAY).value();
		assertThat(number.toString()).doesNotContain("9876").doesNotContain("811218");
		assertThat(number.masked()).isEqualTo("19811218-****");
	}

	@Test
	void genderIsReadFromTheSecondToLastDigit() {
		String woman = withCheckDigit("811218982");
		assertThat(Personnummer.parse(woman, TODAY).value().legalGender()).isEqualTo(Gender.WOMAN);
	}

	/** Nine digits plus the Luhn check digit that makes them valid. */
	static String withCheckDigit(String nine) {
		for (int digit = 0; digit < 10; digit++) {
			if (Personnummer.luhnValid(nine + digit)) {
				return nine + digit;
			}
		}
		throw new IllegalStateException();
	}
}
