package dk.tilsynsspor.platform.jdbc;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * The connections Axon's JDBC components use in both services (event store, token store, dead letters): Axon's own
 * arrangement (one connection per unit of work, from Spring's transaction), with each handed back once
 * ({@link TransactionBoundConnections}). Before Axon's JDBC auto-configuration, which otherwise makes its own.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
@ConditionalOnSingleCandidate(DataSource.class)
public class PlatformJdbcConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new TransactionBoundConnections(dataSource));
    }
}
