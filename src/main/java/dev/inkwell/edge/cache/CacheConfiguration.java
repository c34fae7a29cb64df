package dev.inkwell.edge.cache;

import dev.inkwell.graphql.limits.OperationLimits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;

@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

	@Bean
	CacheAnalyzer cacheAnalyzer(GraphQlSource source, CacheSettings settings, OperationLimits limits,
			@Value("${inkwell.limits.document-cache-size:1000}") int maxEntries) {
		return new CacheAnalyzer(source::schema, (int) settings.maxAge().toSeconds(), limits.parserOptions(), maxEntries);
	}

}
