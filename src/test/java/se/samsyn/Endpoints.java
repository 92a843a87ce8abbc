package se.samsyn;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The application's handler methods whose path names a förbund, for tests that try every one of them. */
record Endpoints(List<Endpoint> all) {

	static Endpoints of(RequestMappingHandlerMapping mappings) {
		List<Endpoint> endpoints = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
					? Set.of(RequestMethod.GET, RequestMethod.POST) : info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (pattern.contains("{associationCode}")) {
					endpoints.add(new Endpoint(pattern, methods));
				}
			}
		});
		return new Endpoints(endpoints);
	}

	List<Endpoint> api(boolean api) {
		return all.stream().filter(endpoint -> endpoint.pattern().startsWith("/api/") == api).toList();
	}

	/** Whether the path names a record besides the förbund; a year is not a record of another förbund. */
	static boolean namesRecords(String pattern) {
		return pattern.replaceAll("\\{(associationCode|year)}", "").contains("{");
	}

	record Endpoint(String pattern, Set<RequestMethod> methods) {
	}
}
