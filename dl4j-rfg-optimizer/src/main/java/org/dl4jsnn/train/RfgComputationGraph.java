package org.dl4jsnn.train;

import org.dl4jsnn.layer.SpikingLayers;
import org.dl4jsnn.parallel.BatchThreads;
import java.io.File;
import java.io.IOException;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsnn.estimator.DirectionalDerivativeExchange;
import org.dl4jsnn.estimator.ForwardGradientEstimator;
import org.dl4jsnn.estimator.RfgSettings;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.dl4jsnn.estimator.Perturbation;
import org.dl4jsnn.layer.NdArrays;

/** A ComputationGraph trained by randomized forward gradients; see {@link RfgMultiLayerNetwork}. */
public class RfgComputationGraph extends ComputationGraph implements RfgModel {

    private final transient RfgTraining training;
    private transient INDArray[] currentLabels;
    private transient InputShapeCheck shapeCheck;

    public RfgComputationGraph(ComputationGraphConfiguration conf, RfgSettings settings) {
        super(conf);
        if (settings.perturbation() == Perturbation.LOCAL_GUIDED
                && conf.getNetworkOutputs().size() < 2) {
            throw new IllegalArgumentException(LocalLossGradients.noHeads(conf.getNetworkOutputs().size()));
        }
        this.training = new RfgTraining(settings);
    }

    public static RfgComputationGraph wrap(ComputationGraph net, RfgSettings settings) {
        ComputationGraphConfiguration conf = net.getConfiguration().clone();
        // clone() drops the counters, and the RFG directions, WSG noise and Adam's bias correction need them
        conf.setIterationCount(net.getConfiguration().getIterationCount());
        conf.setEpochCount(net.getConfiguration().getEpochCount());
        RfgComputationGraph rfg = new RfgComputationGraph(conf, settings);
        rfg.init(net.params().dup(), false);
        INDArray state = net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
        if (state != null) {
            rfg.getUpdater().setStateViewArray(state.dup());
        }
        return rfg;
    }

    public static RfgComputationGraph restore(File file, RfgSettings settings) throws IOException {
        return wrap(ModelSerializer.restoreComputationGraph(file, true), settings);
    }

    @Override
    public void setBatchThreads(BatchThreads threads) {
        training.setBatchThreads(threads);
        SpikingLayers.setBatchThreads(getLayers(), threads);
    }

    @Override
    public void setDirectionalDerivativeExchange(DirectionalDerivativeExchange exchange) {
        training.setExchange(exchange);
    }

    @Override
    public RfgSettings settings() {
        return training.settings();
    }

    @Override
    public ForwardGradientEstimator.Estimate lastEstimate() {
        return training.last();
    }

    @Override
    public void setLabels(INDArray... labels) {
        super.setLabels(labels);
        this.currentLabels = labels;
    }

    @Override
    public void computeGradientAndScore(LayerWorkspaceMgr mgr) {
        computeGradientAndScore();
    }

    @Override
    public void computeGradientAndScore() {
        if (flattenedGradients == null) {
            initGradientsView();
        }
        if (shapeCheck == null) {
            shapeCheck = InputShapeCheck.of(this);
        }
        shapeCheck.check(getInputs(), currentLabels);
        gradient = training.step(RfgStep.of(this, flattenedGradients, currentLabels),
                settings().perturbation() == Perturbation.LOCAL_GUIDED
                        ? g -> LocalLossGradients.guide(g, currentLabels, this::maskedBackprop) : null);
        // the mean over the minibatch as DL4J counts it: the labels' rows (a per-function DeepONet's first
        // input holds its distinct functions, not its pairs)
        score = training.last().sweep().loss() / currentLabels[0].size(0) + calcRegularizationScore(true);
    }

    /**
     * DL4J's own back-propagation of the outputs' losses weighted by {@code labelMasks} (local-guided RFG's
     * guides); the flat gradient it leaves is copied out and is overwritten by the estimate afterwards.
     */
    private double[] maskedBackprop(INDArray[] labelMasks) {
        INDArray[] inputMasks = getInputMaskArrays();
        INDArray[] before = getLabelMaskArrays();
        setLayerMaskArrays(inputMasks, labelMasks);
        try {
            super.computeGradientAndScore();
            return NdArrays.toDoubles(flattenedGradients);
        } finally {
            setLayerMaskArrays(inputMasks, before);
        }
    }

    @Override
    public RfgComputationGraph clone() {
        return wrap(this, settings());
    }
}
