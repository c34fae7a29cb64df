package dev.inkwell.viewer;

import dev.inkwell.graphql.batch.LoaderSharing;
import graphql.GraphQLContext;

import org.springframework.stereotype.Component;

/** Batch loaders read the viewer from their context: only operations of one viewer share them. */
@Component
class ViewerLoaderSharing implements LoaderSharing {

	@Override
	public Object key(GraphQLContext context) {
		return Viewer.from(context);
	}

}
