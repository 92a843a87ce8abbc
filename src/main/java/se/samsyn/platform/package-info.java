/** Shared kernel: the current-association contract, encryption, errors, web and Swedish formatting. */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package se.samsyn.platform;
