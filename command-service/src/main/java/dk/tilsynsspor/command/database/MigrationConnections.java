package dk.tilsynsspor.command.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;

/**
 * Flyway migrates over connections of its own, not the pool's. Every pooled connection sets PostgreSQL's statement
 * and idle-in-transaction timeouts (60 s, ADR 2), which bound a command's transaction; they would also end a
 * migration that indexes or links a large store (V3 linked every stored event in one statement), and the service
 * would not start until someone raised them. The same server, user, password and driver settings as the pool; not
 * its connection-init SQL.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConnections {

    @Bean
    FlywayConfigurationCustomizer migrationsWithoutTheCommandsTimeouts() {
        return configuration -> configuration.dataSource(unpooled(configuration.getDataSource()));
    }

    /**
     * Plain connections to where {@code pooled} connects, as its user and with its driver's settings (SSL, say), but
     * without its connection-init SQL.
     */
    static DataSource unpooled(DataSource pooled) {
        SimpleDriverDataSource unpooled = DataSourceBuilder.derivedFrom(pooled).type(SimpleDriverDataSource.class)
                .build();
        if (pooled instanceof HikariDataSource hikari) {
            unpooled.setConnectionProperties(hikari.getDataSourceProperties());
        }
        return unpooled;
    }
}
