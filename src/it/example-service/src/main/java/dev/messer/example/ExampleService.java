package dev.messer.example;

import java.util.List;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A tiny service that takes its database password and API key from messer: application.properties
 * imports them with {@code spring.config.import=messer:...}; plain.properties holds the same
 * settings as plain values, for the start-up benchmark.
 */
@SpringBootApplication
@EnableConfigurationProperties(ExampleService.Secrets.class)
public class ExampleService {

    /** The settings messer fills: {@code example.db.*} from item payments/db, {@code example.api.*} from payments/api. */
    @ConfigurationProperties("example")
    public record Secrets(Db db, Api api) {

        public record Db(String user, String password, List<String> hosts) {
        }

        public record Api(String key) {
        }
    }

    @Bean
    CommandLineRunner report(Secrets secrets) {
        // never print a secret: only whether it arrived
        return args -> System.out.println("example service started: db user " + secrets.db().user() + " on "
                + secrets.db().hosts() + ", db password " + (secrets.db().password() == null ? "missing" : "set")
                + ", api key " + (secrets.api() == null || secrets.api().key() == null ? "missing" : "set"));
    }

    public static void main(String[] args) {
        SpringApplication.run(ExampleService.class, args);
    }
}
