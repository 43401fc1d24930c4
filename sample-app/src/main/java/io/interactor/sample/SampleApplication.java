package io.interactor.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring MVC application using the Interactor starter. It starts without credentials; set
 * {@code INTERACTOR_CLIENT_ID} and {@code INTERACTOR_CLIENT_SECRET} to call the platform.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
