package se.samsyn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.samsyn.apiclient.ApiClient;
import se.samsyn.apiclient.ApiException;
import se.samsyn.apiclient.api.AssociationsApi;
import se.samsyn.apiclient.api.FinanceApi;
import se.samsyn.apiclient.api.InterventionsApi;
import se.samsyn.apiclient.api.ReportsApi;
import se.samsyn.apiclient.model.AssociationBudget;
import se.samsyn.apiclient.model.CodeListEntry;
import se.samsyn.apiclient.model.FollowupReportResource;
import se.samsyn.apiclient.model.HiddenCount;
import se.samsyn.apiclient.model.InterventionResource;
import se.samsyn.apiclient.model.ProtectedCount;
import se.samsyn.apiclient.model.ReferrerSummary;
import se.samsyn.apiclient.model.RowResource;
import se.samsyn.apiclient.model.TableResource;
import se.samsyn.apiclient.model.TargetFulfilmentResource;

/**
 * Samsyn on a random port, driven through the Java client that the build generates from the committed contract
 * ({@code src/test/resources/openapi/samsyn.json}, held equal to {@code /v3/api-docs} by
 * {@link OpenApiContractIntegrationTests}). The client refuses any field the contract does not name, so a field
 * the server sends and the contract hides fails here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratedApiClientIntegrationTests {

	@LocalServerPort
	private int port;

	private ApiClient client(String token) {
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://localhost:" + port);
		client.setObjectMapper(ApiClient.createDefaultObjectMapper()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
		if (token != null) {
			client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
		}
		return client;
	}

	@Test
	void listsTheFörbundsInsatser() throws ApiException {
		List<InterventionResource> insatser = new InterventionsApi(client("samsyn-demo-kansli")).listInterventions("stockholm", null);

		assertThat(insatser).isNotEmpty().allSatisfy(insats -> {
			assertThat(insats.getId()).isPositive();
			assertThat(insats.getName()).isNotBlank();
			assertThat(insats.getKind()).isNotNull();
			assertThat(insats.getStatus()).isNotNull();
		});
		assertThat(insatser).anySatisfy(insats -> assertThat(insats.getBudgets()).isNotEmpty()
			.allSatisfy(budget -> assertThat(budget.getAmountKr()).isNotNull()));
		assertThat(insatser).anySatisfy(insats -> assertThat(insats.getTargets()).isNotEmpty()
			.allSatisfy(target -> assertThat(target.getMetric()).isNotNull()));
	}

	@Test
	void readsTheFörbundsBudgetWithEveryFigure() throws ApiException {
		AssociationBudget budget = new FinanceApi(client("samsyn-demo-styrelse")).getAssociationBudget("stockholm", 2025);

		assertThat(budget.getYear()).isEqualTo(2025);
		assertThat(budget.getVersion()).isPositive();
		assertThat(budget.getStatus()).isEqualTo(AssociationBudget.StatusEnum.DRAFT);
		assertThat(budget.getFrameKr()).isEqualTo(42_127_000L);
		assertThat(budget.getClosingEquityKr()).isEqualTo(565_000L);
		assertThat(budget.getResultKr()).isEqualTo(budget.getTotalIncomeKr() - budget.getTotalCostsKr());
		assertThat(budget.getOpeningEquityKr()).isEqualTo(budget.getClosingEquityKr() - budget.getResultKr());
		assertThat(budget.getShares().getIndividual()).isEqualByComparingTo(new BigDecimal("0.7244"));
		assertThat(budget.getShares().getStructural()).isEqualByComparingTo(new BigDecimal("0.0764"));
		assertThat(budget.getShares().getOffice()).isEqualByComparingTo(new BigDecimal("0.1858"));
		assertThat(budget.getShares().getClosingEquity()).isEqualByComparingTo(new BigDecimal("0.0134"));
		assertThat(budget.getAdminShare()).isNotNull();
		assertThat(budget.getLines()).isNotEmpty().allSatisfy(line -> {
			assertThat(line.getName()).isNotBlank();
			assertThat(line.getGroup()).isNotNull();
			assertThat(line.getAmountKr()).isNotNull();
		});
		assertThat(budget.getPlanYears()).anySatisfy(plan -> {
			assertThat(plan.getYear()).isEqualTo(2026);
			assertThat(plan.getTotalCostsKr()).isPositive();
		});
	}

	@Test
	void readsAProtectedReportWhoseCountsAreNumbersOrHidden() throws ApiException {
		FollowupReportResource report = new ReportsApi(client("samsyn-demo-styrelse"))
			.getFollowupReport("stockholm", "2025-01-01", "2025-12-31", null, false);

		assertThat(report.getSuppressed()).isTrue();
		List<ProtectedCount> counts = new ArrayList<>();
		List<TableResource> tables = new ArrayList<>(report.getTables());
		tables.add(report.getOverview());
		for (TableResource table : tables) {
			List<RowResource> rows = new ArrayList<>(table.getRows());
			if (table.getTotal() != null) {
				rows.add(table.getTotal());
			}
			rows.forEach(row -> counts.addAll(List.of(row.getWomen(), row.getMen(), row.getTotal(), row.getPreviousTotal())));
		}
		assertThat(counts).isNotEmpty().allSatisfy(count -> assertThat(count.getActualInstance())
			.satisfiesAnyOf(value -> assertThat(value).isEqualTo(HiddenCount.HIDDEN),
					value -> assertThat(value).isInstanceOf(Long.class).satisfies(n -> assertThat((Long) n).isNotNegative())));
		assertThat(counts).as("the demo has small groups").anySatisfy(count -> assertThat(count.getActualInstance()).isEqualTo(HiddenCount.HIDDEN));
		assertThat(counts).anySatisfy(count -> assertThat(count.getActualInstance()).isInstanceOf(Long.class));
		assertThat(report.getTargets()).isNotEmpty()
			.allSatisfy(target -> assertThat(target.getStatus()).isNotNull())
			.anySatisfy(target -> assertThat(target.getStatus()).isNotEqualTo(TargetFulfilmentResource.StatusEnum.NOT_MEASURABLE))
			.anySatisfy(target -> assertThat(target.getMeasured()).isNotNull());
	}

	@Test
	void downloadsTheReportAsAWorkbookAndAPdf() throws ApiException, IOException {
		ReportsApi reports = new ReportsApi(client("samsyn-demo-styrelse"));
		assertThat(start(reports.downloadFollowupReportXlsx("stockholm", "2025-01-01", "2025-12-31", null, false), 2))
			.isEqualTo("PK");
		assertThat(start(reports.downloadFollowupReportPdf("stockholm", "2025-01-01", "2025-12-31", null, false), 5))
			.isEqualTo("%PDF-");
	}

	/** The file's first bytes; the client writes a download to a temporary file, removed here. */
	private static String start(File file, int length) throws IOException {
		try {
			byte[] bytes = Files.readAllBytes(file.toPath());
			assertThat(bytes.length).isGreaterThan(1000);
			return new String(bytes, 0, length, StandardCharsets.US_ASCII);
		}
		finally {
			Files.deleteIfExists(file.toPath());
		}
	}

	@Test
	void listsTheReferrersAndReadsACodeListThatAMappingNames() throws ApiException {
		AssociationsApi associations = new AssociationsApi(client("samsyn-demo-kansli"));
		List<ReferrerSummary> referrers = associations.listReferrers("stockholm");
		assertThat(referrers).isNotEmpty().allSatisfy(referrer -> {
			assertThat(referrer.getId()).isPositive();
			assertThat(referrer.getName()).isNotBlank();
			assertThat(referrer.getActive()).isNotNull();
		});
		assertThat(referrers).anySatisfy(referrer -> {
			assertThat(referrer.getName()).isEqualTo("Jobbtorg Stockholm");
			assertThat(referrer.getMember()).isEqualTo("Stockholms stad");
			assertThat(referrer.getMemberId()).isPositive();
		});
		assertThat(referrers).anySatisfy(referrer -> {
			assertThat(referrer.getName()).isEqualTo("Egen anmälan");
			assertThat(referrer.getMember()).isNull();
			assertThat(referrer.getMemberId()).isNull();
		});

		List<CodeListEntry> education = associations.getCodeList("stockholm", "EDUCATION");
		assertThat(education).extracting(CodeListEntry::getCode).contains("PRIMARY_9", "UPPER_SECONDARY_3", "DOCTORAL");
		assertThat(education).anySatisfy(entry -> {
			assertThat(entry.getCode()).isEqualTo("UPPER_SECONDARY_3");
			assertThat(entry.getLabel()).isEqualTo("Gymnasial utbildning 3 år");
			assertThat(entry.getActive()).isTrue();
		});

		ApiException unknownList = catchThrowableOfType(ApiException.class, () -> associations.getCodeList("stockholm", "NO_SUCH_LIST"));
		assertThat(unknownList.getCode()).isEqualTo(404);
		ApiException otherFörbund = catchThrowableOfType(ApiException.class, () -> associations.listReferrers("sodertalje"));
		assertThat(otherFörbund.getCode()).isEqualTo(403);
	}

	@Test
	void errorsAreTheDocumentedStatusesWithProblemDetails() {
		ApiException unknown = catchThrowableOfType(ApiException.class,
				() -> new InterventionsApi(client("samsyn-demo-kansli")).getIntervention("stockholm", 999_999_999L));
		assertThat(unknown.getCode()).isEqualTo(404);
		assertThat(unknown.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(unknown.getResponseBody()).contains("\"status\":404");

		ApiException anonymous = catchThrowableOfType(ApiException.class,
				() -> new InterventionsApi(client(null)).listInterventions("stockholm", null));
		assertThat(anonymous.getCode()).isEqualTo(401);

		ApiException otherFörbund = catchThrowableOfType(ApiException.class,
				() -> new FinanceApi(client("samsyn-demo-kansli")).getAssociationBudget("sodertalje", 2018));
		assertThat(otherFörbund.getCode()).isEqualTo(403);
	}
}
