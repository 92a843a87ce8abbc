package se.samsyn.catalog.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.samsyn.association.AssociationStructure;
import se.samsyn.catalog.Catalog;
import se.samsyn.catalog.CatalogEntry;
import se.samsyn.platform.AssociationDirectory;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.CodeLists;
import se.samsyn.platform.NotFoundException;

/** The public catalogue: search, an insats' page, and a plain list other web sites can embed. No login. */
@Controller
class CatalogController {

	private static final int PAGE_SIZE = 20;

	private final Catalog catalog;
	private final AssociationDirectory directory;
	private final AssociationStructure structure;
	private final CodeLists codeLists;

	CatalogController(Catalog catalog, AssociationDirectory directory, AssociationStructure structure, CodeLists codeLists) {
		this.catalog = catalog;
		this.directory = directory;
		this.structure = structure;
		this.codeLists = codeLists;
	}

	@GetMapping("/katalog")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String forbund,
			@RequestParam(required = false) String plats, @RequestParam(required = false) String malgrupp,
			@RequestParam(required = false) String alder, @RequestParam(required = false) String anmalan,
			@RequestParam(required = false) String egenanmalan, @RequestParam(defaultValue = "1") int sida, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Catalog.Query query = new Catalog.Query(q, placeId(plats, "d"), placeId(plats, "k"), malgrupp, number(alder), anmalan,
				"ja".equals(egenanmalan) ? Boolean.TRUE : null, forbund);
		Catalog.Results results = catalog.search(query, Math.max(sida, 1) - 1, PAGE_SIZE);
		model.addAttribute("results", results.entries());
		model.addAttribute("page", results);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("selected", new Selected(forbund, plats, malgrupp, alder, anmalan, "ja".equals(egenanmalan)));
		model.addAttribute("searched", q != null || forbund != null || plats != null || malgrupp != null || alder != null
				|| anmalan != null || egenanmalan != null);
		choices(model);
		cacheControl(request, response);
		return "catalog/search";
	}

	@GetMapping("/katalog/{forbund}/{slug}")
	String entry(@PathVariable String forbund, @PathVariable String slug, Model model) {
		CatalogEntry entry = catalog.published(forbund, idOf(slug)).orElseThrow(NotFoundException::new);
		if (!entry.slug().equals(slug)) {
			return "redirect:/katalog/" + forbund + "/" + entry.slug();
		}
		model.addAttribute("entry", entry);
		return "catalog/entry";
	}

	/** A plain list for a member's own web site, e.g. in an iframe. */
	@GetMapping("/katalog/lista")
	String embed(@RequestParam(required = false) String forbund, @RequestParam(required = false) String malgrupp,
			Model model, HttpServletResponse response) {
		model.addAttribute("results", catalog.search(new Catalog.Query(null, null, null, malgrupp, null, null, null, forbund), 0, 200).entries());
		// Its own filter chain reads no session and the page has no layout: the same for everyone.
		response.setHeader("Cache-Control", "public, max-age=300");
		return "catalog/embed";
	}

	/**
	 * Anonymous visitors share one cacheable page. A signed-in user's page carries their name and a CSRF token,
	 * and any session may hold what the layout shows, so with a session, or when this answer sets a cookie
	 * (the language switch), no shared cache may keep the page.
	 */
	private static void cacheControl(HttpServletRequest request, HttpServletResponse response) {
		boolean personal = request.getUserPrincipal() != null || request.getSession(false) != null
				|| response.containsHeader("Set-Cookie");
		response.setHeader("Cache-Control", personal ? "private, no-store" : "public, max-age=300");
		response.setHeader("Vary", "Cookie");
	}

	private void choices(Model model) {
		List<AssociationRef> associations = directory.all();
		model.addAttribute("associations", associations);
		model.addAttribute("places", associations.stream().flatMap(association -> {
			var municipalities = structure.municipalities(association.id()).stream()
				.map(m -> new Place("k" + m.id(), m.name() + " (" + association.name() + ")"));
			var districts = structure.districts(association.id()).stream()
				.map(d -> new Place("d" + d.id(), d.name() + ", " + d.municipalityName()));
			return java.util.stream.Stream.concat(municipalities, districts);
		}).toList());
		model.addAttribute("targetGroups", codeLists.entries(CodeLists.TARGET_GROUP, -1, LocaleContextHolder.getLocale()));
	}

	private static Long placeId(String place, String prefix) {
		if (place == null || !place.startsWith(prefix)) {
			return null;
		}
		try {
			return Long.valueOf(place.substring(1));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Integer number(String value) {
		try {
			return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static long idOf(String slug) {
		try {
			return Long.parseLong(slug.split("-", 2)[0]);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException();
		}
	}

	/** A municipality ({@code k…}) or district ({@code d…}) to filter on. */
	record Place(String value, String label) {
	}

	record Selected(String forbund, String plats, String malgrupp, String alder, String anmalan, boolean egenanmalan) {

		/** The query string of this search on another page. */
		public String page(String q, int page) {
			StringBuilder out = new StringBuilder("?sida=").append(page);
			append(out, "q", q);
			append(out, "forbund", forbund);
			append(out, "plats", plats);
			append(out, "malgrupp", malgrupp);
			append(out, "alder", alder);
			append(out, "anmalan", anmalan);
			if (egenanmalan) {
				out.append("&egenanmalan=ja");
			}
			return out.toString();
		}

		private static void append(StringBuilder out, String name, String value) {
			if (value != null && !value.isBlank()) {
				out.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
			}
		}
	}
}
