package se.samsyn.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Dates and times as Swedish users read them, in Swedish time. Templates call it as
 * {@code ${@format.dateTime(value)}}.
 */
@Component("format")
public class SwedishFormat {

	public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	/**
	 * Swedish alphabetical order (å, ä, ö last). Lists of names are sorted with it in Java, because
	 * H2 and PostgreSQL installations collate differently.
	 */
	public static final Comparator<String> ORDER = Collator.getInstance(Locale.forLanguageTag("sv-SE"))::compare;
	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** A decimal number with a Swedish comma and no needless zeros: {@code 12,5}, {@code 100}. */
	public String number(java.math.BigDecimal value) {
		if (value == null) {
			return "–";
		}
		String plain = value.stripTrailingZeros().toPlainString().replace('.', ',');
		int comma = plain.indexOf(',');
		String whole = comma < 0 ? plain : plain.substring(0, comma);
		String grouped = whole.startsWith("-") ? "−" + Kronor.group(Long.parseLong(whole.substring(1))) : Kronor.group(Long.parseLong(whole));
		return comma < 0 ? grouped : grouped + plain.substring(comma);
	}

	/** Whole kronor as thousands for a table under a "tkr" heading: {@code 42 127}. */
	public String tkr(long kronor) {
		return Kronor.of(kronor).tkrNumber();
	}

	/** A fraction as a Swedish percentage with two decimals: {@code 0.7244} → {@code 72,44 %}. */
	public String percent(java.math.BigDecimal fraction) {
		if (fraction == null) {
			return "–";
		}
		return fraction.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',') + "\u00A0%";
	}

	public String date(Instant instant) {
		return instant == null ? "–" : DATE.format(instant.atZone(SWEDEN));
	}

	public String date(LocalDate date) {
		return date == null ? "–" : DATE.format(date);
	}

	public String dateTime(Instant instant) {
		return instant == null ? "–" : DATE_TIME.format(instant.atZone(SWEDEN));
	}

	public String dateTimeSeconds(Instant instant) {
		return instant == null ? "–" : DATE_TIME_SECONDS.format(instant.atZone(SWEDEN));
	}
}
