package se.samsyn.platform;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any {@code /api} path that no module answers is a 404 as problem details, like every other API error. */
@Hidden
@RestController
class ApiFallbackController {

	@RequestMapping("/api/**")
	void unknown() {
		throw new NotFoundException();
	}
}
