package dk.tilsynsspor.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryServiceApplication {

    public static void main(String[] args) {
        // Axon 4.12+ calls home for updates unless told not to; a supervision record does not phone out.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
