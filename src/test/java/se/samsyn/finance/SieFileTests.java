package se.samsyn.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class SieFileTests {

	static byte[] pc8(String text) {
		return text.getBytes(SieFile.PC8);
	}

	static final String VALID = """
			#FLAGGA 0
			#FORMAT PC8
			#SIETYP 4
			#PROGRAM "Ekonomisystem" 1.0
			#FNAMN "Samordningsförbundet Stockholms stad"
			#RAR 0 20250101 20251231
			#KONTO 3010 "Medlemsavgift Försäkringskassan"
			#KONTO 7010 "Löner tjänstemän"
			#KONTO 1930 "Företagskonto"
			#VER A 1 20250131 "Medlemsavgift januari"
			{
			   #TRANS 1930 {} 1507000.00
			   #TRANS 3010 {} -1507000.00
			}
			#VER A 2 20250225 "Löner februari"
			{
			   #TRANS 7010 {} 405083.50 20250225 "Löner"
			   #TRANS 1930 {} -405083.50
			}
			""";

	@Test
	void readsAccountsAndTransactionsInPc8() {
		var parsed = SieFile.parse(pc8(VALID));
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.accounts()).containsEntry("3010", "Medlemsavgift Försäkringskassan").containsEntry("7010", "Löner tjänstemän");
		assertThat(parsed.transactions()).hasSize(4);
		assertThat(parsed.transactions().get(2)).isEqualTo(new SieFile.Transaction("7010", LocalDate.of(2025, 2, 25), 40508350, 17));
	}

	@Test
	void refusesABrokenFileWithLineNumbers() {
		var parsed = SieFile.parse(pc8("""
				#SIETYP 4
				#KONTO 3010 "Utan slut
				#VER A 1 2025-01-31 "Fel datum"
				{
				   #TRANS 3010 {} 12,50
				"""));
		assertThat(parsed.ok()).isFalse();
		assertThat(parsed.problems()).extracting(SieFile.Problem::line).contains(2, 3, 5);
		assertThat(SieFile.parse(pc8("Hej, det här är ingen SIE-fil")).problems()).extracting(SieFile.Problem::message)
			.contains("sie.notSie");
		assertThat(SieFile.parse(pc8("#SIETYP 2")).problems()).extracting(SieFile.Problem::message).contains("sie.type");
	}

	@Test
	void readsPeriodBalancesOfTheCurrentYear() {
		var parsed = SieFile.parse(pc8("""
				#SIETYP 4
				#PSALDO 0 202501 7010 {} 400000.00
				#PSALDO 0 202502 7010 {} 810000.00
				#PSALDO -1 202412 7010 {} 999.00
				#PSALDO 0 202501 7010 {1 "10"} 5.00
				"""));
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.periodBalances()).extracting(SieFile.PeriodBalance::month).containsExactly(1, 2);
	}

	@Test
	void refusesAnAmountPastTusenMiljarderKronorOnItsLine() {
		var parsed = SieFile.parse(pc8("""
				#SIETYP 4
				#VER A 1 20250131 "Stora belopp"
				{
				   #TRANS 7010 {} 1000000000000.00
				   #TRANS 1930 {} -1000000000000.00
				   #TRANS 7010 {} 9999999999999.99
				   #TRANS 1930 {} -1000000000000.01
				}
				#PSALDO 0 202501 7010 {} 1000000000000.01
				"""));
		assertThat(parsed.problems()).containsExactly(new SieFile.Problem(6, "sie.amount.tooLarge"),
				new SieFile.Problem(7, "sie.amount.tooLarge"), new SieFile.Problem(9, "sie.amount.tooLarge"));
		assertThat(parsed.transactions()).extracting(SieFile.Transaction::ore)
			.as("exactly 10^12 kr either way is still an amount").containsExactly(SieFile.MAX_ORE, -SieFile.MAX_ORE);
	}

	@Test
	void aPeriodThatIsNoMonthIsALineError() {
		var parsed = SieFile.parse(pc8("""
				#SIETYP 4
				#PSALDO 0 202512 7010 {} 400000.00
				#PSALDO 0 202513 7010 {} 400000.00
				#PSALDO 0 202500 7010 {} 400000.00
				"""));
		assertThat(parsed.problems()).containsExactly(new SieFile.Problem(3, "sie.period"), new SieFile.Problem(4, "sie.period"));
		assertThat(parsed.periodBalances()).containsExactly(new SieFile.PeriodBalance("7010", 2025, 12, 40000000, 2));
	}
}
