package dev.inkwell.graphql.batch;

import java.util.List;

/**
 * Implemented by a feature's controller: its relation fields that are read through loaders, so
 * that the planned engine can load a whole level of them at once ({@link BatchField}).
 */
public interface BatchFields {

	List<BatchField> batchFields();

}
