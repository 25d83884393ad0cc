package org.dl4jsnn.train;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A data-parallel trainer found at run time by {@link java.util.ServiceLoader}, so that the command-line
 * tool can train through Spark (docs/design.md section 9) without depending on it: the module that
 * implements this is put on the class path only when asked for.
 */
public interface DistributedTraining {

    /** A short name for messages, e.g. "spark". */
    String name();

    /**
     * Connects to a cluster.
     *
     * @param master where to run, e.g. {@code local[2]} or a cluster's URL
     */
    Session open(String master);

    /** One connection; closing it releases the cluster's resources. */
    interface Session extends AutoCloseable {

        /**
         * Trains one step per minibatch, in order, data-parallel: an {@link RfgComputationGraph} by its RFG
         * settings, any other graph by back-propagation.
         *
         * @param net     left untouched
         * @param batches whole minibatches; each is cut row-wise among the replicas
         * @return the trained network, of the same kind as {@code net}
         */
        ComputationGraph fit(ComputationGraph net, List<? extends MultiDataSet> batches);

        @Override
        void close();
    }
}
