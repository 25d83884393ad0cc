package org.dl4jsnn.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.data.DeepOnetIterator;
import org.dl4jsnn.data.MexicanHat;
import org.dl4jsnn.data.MexicanHatIterator;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.data.OperatorSamples;
import org.dl4jsnn.data.PoissonDataset;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.operator.OperatorMetrics;
import org.dl4jsnn.operator.SpikingDeepOnet;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Prints the README's table: the Mexican hat and the Poisson DeepONet trained by RFG-L and by
 * back-propagation on local[1] and local[2] for the same minibatches: time per step, bytes per step and
 * replica, test error. Usage: {@code SparkBench [iterations]} (default 30).
 */
public final class SparkBench {

    private record Task(String name, ComputationGraph net, List<MultiDataSet> batches,
                        ToDoubleFunction<ComputationGraph> testError) {
    }

    private SparkBench() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        List<Task> tasks = List.of(mexicanHat(iterations), poisson(iterations));
        System.out.println("| task | method | master | d | ms / step | payload B / step / replica | wire B / step / replica | test error |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|");
        for (String master : List.of("local[1]", "local[2]")) {
            int shards = master.equals("local[1]") ? 1 : 2;
            try (JavaSparkContext sc = SparkContexts.start(master, "SparkBench")) {
                for (Task t : tasks) {
                    for (boolean rfg : new boolean[] {true, false}) {
                        Path dir = Files.createTempDirectory("spark-bench");
                        SparkTrainingConfig config = rfg
                                ? SparkTrainingConfig.rfg(RfgSettings.layerwise(1), iterations, iterations, dir.toString())
                                : SparkTrainingConfig.backprop(iterations, iterations, dir.toString());
                        SparkRfgTrainer.Result r = new SparkRfgTrainer(sc).fit(t.net(), Shards.of(sc, t.batches(), shards),
                                config);
                        System.out.printf(Locale.ROOT, "| %s | %s | %s | %d | %.0f | %.0f | %.0f | %.3f |%n", t.name(),
                                rfg ? "RFG-L (K=1)" : "BP", master, t.net().numParams(), r.millisPerStep(),
                                r.exchangedPerReplica().payloadBytesPerStep(), r.exchangedPerReplica().wireBytesPerStep(),
                                t.testError().applyAsDouble(r.network()));
                    }
                }
            }
        }
    }

    private static Task mexicanHat(int iterations) {
        MexicanHat data = MexicanHat.generate(MexicanHat.Config.defaults());
        MexicanHatIterator it = new MexicanHatIterator(data.train(), 256, 1);
        List<MultiDataSet> batches = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            if (!it.hasNext()) {
                it.reset();
            }
            DataSet d = it.next();
            batches.add(new org.nd4j.linalg.dataset.MultiDataSet(d.getFeatures(), d.getLabels()));
        }
        ComputationGraph net = mexicanHatNet(1, DataType.FLOAT, 32);
        return new Task("Mexican hat 2-16-16-1, T=32, batch 256", net, batches, n -> OperatorMetrics.relativeL2(
                NdArrays.toDoubles(n.output(false, data.test().inputsArray(DataType.FLOAT))[0]), data.test().targets()));
    }

    private static Task poisson(int iterations) {
        PoissonDataset data = PoissonDataset.generate(PoissonDataset.Config.defaults().withSizes(800, 200));
        DeepOnetIterator it = new DeepOnetIterator(data.train(), 256, 1);
        List<MultiDataSet> batches = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            if (!it.hasNext()) {
                it.reset();
            }
            batches.add(it.next());
        }
        ComputationGraph net = new ComputationGraph(SpikingDeepOnet.builder().updater(new Adam(2e-3)).seed(1).build());
        net.init();
        OperatorSamples test = data.test();
        return new Task("Poisson DeepONet, batch 256", net, batches, n -> OperatorMetrics.meanRelativeL2(
                OperatorMetrics.predictDeepOnet(n, test, DataType.FLOAT), OperatorMetrics.solutions(test)));
    }

    /** The Mexican-hat net 2-16-16-1 with T steps (the bench's, and the tests' in double with T = 8). */
    static ComputationGraph mexicanHatNet(long seed, DataType dataType, int timeSteps) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(dataType)
                .updater(new Adam(5e-3)).graphBuilder().addInputs("xy")
                .addLayer("spikes0", new SpikingDense.Builder().nOut(16).timeSteps(timeSteps).build(), "xy")
                .addLayer("spikes1", new SpikingDense.Builder().nOut(16).timeSteps(timeSteps).build(), "spikes0")
                .addLayer("rates", new TimeAverage.Builder().build(), "spikes1")
                .addLayer("u", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build(), "rates")
                .setOutputs("u").setInputTypes(InputType.feedForward(2)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }
}
