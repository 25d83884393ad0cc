package org.dl4jsnn.operator;

import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.init.InitScheme;
import org.dl4jsnn.operator.conf.SepOnetProduct;
import org.dl4jsnn.surrogate.Surrogate;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the spiking SepONet of docs/design.md section 4 for a 2-D (x, t) output grid: a branch net on f at the
 * sensors, one trunk net per dimension, and G(f)(x_i, t_j) = sum_k branch_k trunkx_k(x_i) trunkt_k(t_j)
 * evaluated as an outer product. Defaults are the paper's diffusion-reaction setting: 101 sensors, one
 * hidden layer of 16, r = 16, T = 32, SG with s = 0.5, a 101 x 101 grid.
 *
 * <p>Inputs: "branch" [B, m], "x" [Nx, 1], "t" [Nt, 1]; output "u" [B, Nx*Nt] (column i*Nt + j).
 */
public final class SpikingSepOnet {

    private int sensors = 101;
    private int hidden = 16;
    private int rank = 16;
    private int timeSteps = 32;
    private int nx = 101;
    private int nt = 101;
    private Surrogate surrogate = Surrogate.gaussian(0.5);
    private IUpdater updater = new Adam(1e-3);
    private long seed = 42;
    private DataType dataType = DataType.FLOAT;
    private InitScheme init = InitScheme.XAVIER;
    private boolean resetDifferentiated = false;

    public static SpikingSepOnet builder() {
        return new SpikingSepOnet();
    }

    public SpikingSepOnet sensors(int m) {
        this.sensors = SpikingDeepOnet.positive("sensors m", m);
        return this;
    }

    public SpikingSepOnet hidden(int width) {
        this.hidden = SpikingDeepOnet.positive("hidden width", width);
        return this;
    }

    public SpikingSepOnet rank(int r) {
        this.rank = SpikingDeepOnet.positive("rank r", r);
        return this;
    }

    public SpikingSepOnet timeSteps(int t) {
        this.timeSteps = SpikingDeepOnet.positive("timeSteps T", t);
        return this;
    }

    public SpikingSepOnet grid(int gridX, int gridT) {
        this.nx = SpikingDeepOnet.positive("grid size nx", gridX);
        this.nt = SpikingDeepOnet.positive("grid size nt", gridT);
        return this;
    }

    public SpikingSepOnet surrogate(Surrogate s) {
        this.surrogate = Objects.requireNonNull(s, "surrogate");
        return this;
    }

    public SpikingSepOnet updater(IUpdater u) {
        this.updater = Objects.requireNonNull(u, "updater");
        return this;
    }

    /** The DL4J seed; not 0, which DL4J M2.1's native generator treats as unseeded (weights then vary). */
    public SpikingSepOnet seed(long s) {
        this.seed = SpikingDeepOnet.nonzeroSeed(s);
        return this;
    }

    public SpikingSepOnet dataType(DataType t) {
        this.dataType = Objects.requireNonNull(t, "dataType");
        return this;
    }

    public int sensorCount() {
        return sensors;
    }

    /**
     * How weights and biases start (default Xavier-normal weights, zero biases). With
     * {@link InitScheme#FAN_IN_UNIFORM} call {@link org.dl4jsnn.init.FanInUniformBiases#draw} after
     * {@code init()}: DL4J draws the uniform weights but only constant biases.
     */
    public SpikingSepOnet init(InitScheme scheme) {
        this.init = Objects.requireNonNull(scheme, "init");
        return this;
    }

    /**
     * Whether the reset term theta * S_t carries the surrogate derivative in every spiking layer
     * (docs/design.md section 1; default false, detached).
     */
    public SpikingSepOnet resetDifferentiated(boolean on) {
        this.resetDifferentiated = on;
        return this;
    }

    /** Fails naming both sizes when a data set's input functions do not match the branch net. */
    public void requireSensors(int dataSensors) {
        if (dataSensors != sensors) {
            throw new IllegalArgumentException("the data set samples its input functions at " + dataSensors
                    + " sensors but the branch net takes sensors m=" + sensors + "; build the network with sensors("
                    + dataSensors + ")");
        }
    }

    public ComputationGraphConfiguration build() {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(dataType).updater(updater).weightInit(init.weightInit())
                .graphBuilder()
                .addInputs("branch", "x", "t");
        for (String net : new String[] {"branch", "x", "t"}) {
            g.addLayer(net + "_spikes", new SpikingDense.Builder().nOut(hidden).timeSteps(timeSteps)
                    .surrogate(surrogate).resetDifferentiated(resetDifferentiated).build(), net);
            g.addLayer(net + "_rates", new TimeAverage.Builder().build(), net + "_spikes");
            g.addLayer(net + "_out", new DenseLayer.Builder().nOut(rank).activation(Activation.IDENTITY).build(),
                    net + "_rates");
        }
        g.addVertex("product", new SepOnetProduct(nx, nt), "branch_out", "x_out", "t_out");
        g.addLayer("u", new LossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build(),
                "product");
        return g.setOutputs("u")
                .setInputTypes(InputType.feedForward(sensors), InputType.feedForward(1), InputType.feedForward(1))
                .build();
    }
}
