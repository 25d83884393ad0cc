package org.dl4jsnn.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.estimator.Perturbation;
import org.dl4jsnn.train.DistributedTraining;
import org.dl4jsnn.train.RfgComputationGraph;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * {@link SparkRfgTrainer} behind the command-line tool's {@link DistributedTraining} service: one replica
 * per default-parallelism slot of the master (N for local[N]), the whole minibatches cut row-wise among them.
 */
public final class SparkDistributedTraining implements DistributedTraining {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Session open(String master) {
        return new SparkSession(SparkContexts.start(master, "dl4j-snn reproduce"));
    }

    /** The trainer's RFG settings, or null for back-propagation; activity perturbation is refused. */
    static SparkTrainingConfig config(ComputationGraph net, int iterations, String checkpointDir) {
        if (net instanceof RfgComputationGraph rfg) {
            if (rfg.settings().perturbation() == Perturbation.ACTIVITY) {
                throw new IllegalArgumentException("the Spark trainer exchanges weight-perturbation directional"
                        + " derivatives (RFG-G, RFG-L); activity perturbation (RFG-A) is not supported");
            }
            return SparkTrainingConfig.rfg(rfg.settings(), iterations, iterations, checkpointDir);
        }
        return SparkTrainingConfig.backprop(iterations, iterations, checkpointDir);
    }

    private static final class SparkSession implements Session {

        private final JavaSparkContext sc;

        SparkSession(JavaSparkContext sc) {
            this.sc = sc;
        }

        @Override
        public ComputationGraph fit(ComputationGraph net, List<? extends MultiDataSet> batches) {
            if (batches.isEmpty()) {
                throw new IllegalArgumentException("batches must hold at least one minibatch");
            }
            Path dir = tempDir();
            try {
                SparkTrainingConfig config = config(net, batches.size(), dir.toString());
                ComputationGraph trained = new SparkRfgTrainer(sc)
                        .fit(net, Shards.of(sc, batches, sc.defaultParallelism()), config).network();
                // the model zip holds no RFG settings: the trained graph gets the caller's back
                return net instanceof RfgComputationGraph rfg ? RfgComputationGraph.wrap(trained, rfg.settings())
                        : trained;
            } finally {
                delete(dir);
            }
        }

        @Override
        public void close() {
            sc.stop();
        }

        private static Path tempDir() {
            try {
                return Files.createTempDirectory("dl4j-snn-spark-checkpoints");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void delete(Path dir) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
