package dev.inkwell.admission;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one admission gate of this instance, sized from the database pool unless configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdmissionProperties.class)
class AdmissionConfiguration {

	private static final Log logger = LogFactory.getLog(AdmissionConfiguration.class);

	@Bean
	AdmissionGate admissionGate(AdmissionProperties properties,
			@Value("${spring.r2dbc.pool.max-size:10}") int poolSize) {
		AdmissionProperties resolved = properties.resolved(poolSize);
		if (resolved.maxConcurrent() > poolSize) {
			logger.warn("ADMISSION_MAX_CONCURRENT (" + resolved.maxConcurrent() + ") exceeds DB_POOL_MAX_SIZE ("
					+ poolSize + "): admitted requests may wait for database connections and time out halfway");
		}
		return AdmissionGate.of(resolved);
	}

	@Bean
	AdmissionMetrics admissionMetrics(AdmissionGate gate) {
		return new AdmissionMetrics(gate);
	}

}
