package se.samsyn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SamsynApplication {

	public static void main(String[] args) {
		SpringApplication.run(SamsynApplication.class, args);
	}
}
