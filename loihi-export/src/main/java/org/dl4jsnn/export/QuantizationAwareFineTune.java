package org.dl4jsnn.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * Fine-tunes a ComputationGraph so its spiking MLP lies on the grid export will use (docs/export.md,
 * "Training for exactness"): every iteration runs forward and backward at the snapped weights, and the
 * update is applied to a float copy (the straight-through estimator), so small updates accumulate instead
 * of rounding away. The snapped layers are the spike-driven layers (weights on 2/k, biases on 1/k) and the
 * readout's weights; the first layer stays float, its current is encoded on the host. Training uses the
 * graph's own fit (back-propagation) and updater.
 */
public final class QuantizationAwareFineTune {

    private final ComputationGraph graph;
    private final String readoutName;

    public QuantizationAwareFineTune(ComputationGraph graph, String readoutName) {
        this.graph = graph;
        this.readoutName = readoutName;
    }

    /** What is snapped, at which scale. */
    private record Snap(String layer, double scale, boolean bias) {
    }

    /**
     * Runs {@code iterations} minibatches (cycling the iterator) and leaves the graph on the grid.
     *
     * @return the scales used, per snapped layer name
     */
    public Map<String, Double> run(MultiDataSetIterator data, int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        SpikingMlp mlp = SpikingMlpExtractor.extract(graph, readoutName);
        double[] scales = Quantizer.gridScales(mlp);
        List<Snap> snaps = new ArrayList<>();
        for (int l = 1; l < mlp.layers().size(); l++) {
            snaps.add(new Snap(mlp.layers().get(l).name(), scales[l - 1], true));
        }
        snaps.add(new Snap(readoutName, scales[scales.length - 1], false));

        Map<String, INDArray> latent = new LinkedHashMap<>();
        for (Snap s : snaps) {
            latent.put(s.layer + "/W", param(s.layer, DefaultParamInitializer.WEIGHT_KEY).dup());
            if (s.bias) {
                latent.put(s.layer + "/b", param(s.layer, DefaultParamInitializer.BIAS_KEY).dup());
            }
        }
        for (int it = 0; it < iterations; it++) {
            if (!data.hasNext()) {
                data.reset();
            }
            MultiDataSet batch = labelPerOutput(data.next());
            Map<String, INDArray> snapped = install(snaps, latent);
            graph.fit(batch);
            for (Map.Entry<String, INDArray> e : latent.entrySet()) {
                String[] key = e.getKey().split("/");
                // latent += (params after the update) - (snapped params the update started from)
                e.getValue().addi(param(key[0], key[1]).sub(snapped.get(e.getKey())));
            }
        }
        install(snaps, latent);
        Map<String, Double> used = new LinkedHashMap<>();
        snaps.forEach(s -> used.put(s.layer, s.scale));
        return used;
    }

    /** Graphs with local-loss heads have several outputs; each trains against the same labels. */
    private MultiDataSet labelPerOutput(MultiDataSet batch) {
        int outputs = graph.getConfiguration().getNetworkOutputs().size();
        if (batch.numLabelsArrays() == outputs) {
            return batch;
        }
        INDArray[] labels = new INDArray[outputs];
        Arrays.fill(labels, batch.getLabels(0));
        return new org.nd4j.linalg.dataset.MultiDataSet(batch.getFeatures(), labels);
    }

    private INDArray param(String layer, String key) {
        return graph.getLayer(layer).getParam(key);
    }

    /** Writes snap(latent) into the graph; returns the snapped copies. */
    private Map<String, INDArray> install(List<Snap> snaps, Map<String, INDArray> latent) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Snap s : snaps) {
            INDArray w = snapped(latent.get(s.layer + "/W"), s.scale, true);
            param(s.layer, DefaultParamInitializer.WEIGHT_KEY).assign(w);
            out.put(s.layer + "/W", w);
            if (s.bias) {
                INDArray b = snapped(latent.get(s.layer + "/b"), s.scale, false);
                param(s.layer, DefaultParamInitializer.BIAS_KEY).assign(b);
                out.put(s.layer + "/b", b);
            }
        }
        return out;
    }

    private static INDArray snapped(INDArray values, double k, boolean weight) {
        INDArray out = values.dup();
        // a handful of parameters: a plain loop is clearer than an ND4J op chain
        for (long i = 0; i < out.length(); i++) {
            double v = out.getDouble(i);
            out.putScalar(i, weight ? FixedPointGrid.snapWeight(v, k) : FixedPointGrid.snapBias(v, k));
        }
        return out;
    }
}
