package org.dl4jsnn.train;

import org.dl4jsnn.layer.SpikingLayers;
import org.dl4jsnn.parallel.BatchThreads;
import java.io.File;
import java.io.IOException;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsnn.estimator.DirectionalDerivativeExchange;
import org.dl4jsnn.estimator.ForwardGradientEstimator;
import org.dl4jsnn.estimator.RfgSettings;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.dl4jsnn.estimator.Perturbation;

/**
 * A MultiLayerNetwork that trains by randomized forward gradients: DL4J's own fit loop, updater,
 * schedules and listeners run unchanged; only the gradient comes from a forward sweep instead of
 * back-propagation, which never runs.
 *
 * <p>{@link ModelSerializer} saves it as a plain MultiLayerNetwork; {@link #restore} wraps it again.
 *
 * <p>Input: direct current {@code [batch, nIn]} only. A {@code SpikingDense} layer also takes spike
 * trains {@code [batch, nIn, T]} under back-propagation, but the forward sweep does not, and refuses
 * them with a message saying so. Input or labels of a shape back-propagation refuses are refused with
 * back-propagation's message before any weight moves.
 */
public class RfgMultiLayerNetwork extends MultiLayerNetwork implements RfgModel {

    private final transient RfgTraining training;
    private transient InputShapeCheck shapeCheck;

    public RfgMultiLayerNetwork(MultiLayerConfiguration conf, RfgSettings settings) {
        super(conf);
        if (settings.perturbation() == Perturbation.LOCAL_GUIDED) {
            throw new IllegalArgumentException(LocalLossGradients.noHeads(1)
                    + "; use an RfgComputationGraph with local heads");
        }
        this.training = new RfgTraining(settings);
    }

    /** Wraps a network (for example one ModelSerializer restored): same parameters and updater state. */
    public static RfgMultiLayerNetwork wrap(MultiLayerNetwork net, RfgSettings settings) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations().clone();
        // clone() drops the counters, and the RFG directions, WSG noise and Adam's bias correction need them
        conf.setIterationCount(net.getLayerWiseConfigurations().getIterationCount());
        conf.setEpochCount(net.getLayerWiseConfigurations().getEpochCount());
        RfgMultiLayerNetwork rfg = new RfgMultiLayerNetwork(conf, settings);
        rfg.init(net.params().dup(), false);
        INDArray state = net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
        if (state != null) {
            rfg.getUpdater().setStateViewArray(rfg, state.dup(), false);
        }
        return rfg;
    }

    public static RfgMultiLayerNetwork restore(File file, RfgSettings settings) throws IOException {
        return wrap(ModelSerializer.restoreMultiLayerNetwork(file, true), settings);
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
        shapeCheck.check(new INDArray[] {getInput()}, new INDArray[] {getLabels()});
        gradient = training.step(RfgStep.of(this, flattenedGradients));
        score = training.last().sweep().loss() / getInput().size(0) + calcRegularizationScore(true);
    }

    @Override
    public RfgMultiLayerNetwork clone() {
        return wrap(this, settings());
    }
}
