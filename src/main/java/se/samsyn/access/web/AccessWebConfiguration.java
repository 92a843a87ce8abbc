package se.samsyn.access.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import se.samsyn.access.AccessControl;

@Configuration(proxyBeanMethods = false)
class AccessWebConfiguration implements WebMvcConfigurer {

	private final AccessControl access;

	AccessWebConfiguration(AccessControl access) {
		this.access = access;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AssociationPathInterceptor(access));
		registry.addInterceptor(new LayoutInterceptor(access));
	}
}
