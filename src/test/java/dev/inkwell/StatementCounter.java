package dev.inkwell;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.QueryInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the server executes, by wrapping its ConnectionFactory in
 * r2dbc-proxy. Tests run one at a time, so what runs between {@link #reset()} and
 * {@link #statements()} is what the request in between executed.
 */
public class StatementCounter implements ProxyExecutionListener {

	private final List<String> statements = new CopyOnWriteArrayList<>();

	@Override
	public void beforeQuery(QueryExecutionInfo execution) {
		for (QueryInfo query : execution.getQueries()) {
			this.statements.add(query.getQuery());
		}
	}

	public void reset() {
		this.statements.clear();
	}

	public List<String> statements() {
		return List.copyOf(this.statements);
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		static StatementCounter statementCounter() {
			return new StatementCounter();
		}

		@Bean
		static BeanPostProcessor statementCountingConnectionFactory(
				org.springframework.beans.factory.ObjectProvider<StatementCounter> counter) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof ConnectionFactory factory)
							? ProxyConnectionFactory.builder(factory).listener(counter.getObject()).build() : bean;
				}
			};
		}

	}

}
