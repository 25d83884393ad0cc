package org.dl4jsnn.operator;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.operator.conf.SepOnetProduct;
import org.dl4jsnn.surrogate.Surrogate;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the spiking SepONet of docs/design.md section 4 for a 2-D (x, t) output grid: a branch net on f at the
 * sensors, one trunk net per dimension, and G(f)(x_i, t_j) = sum_k branch_k trunkx_k(x_i) trunkt_k(t_j)
 * evaluated as an outer product. Defaults are the paper's diffusion-reaction setting: 101 sensors, one
 * hidden layer of 16, r = 16, T = 32, SG with s = 0.5, a 101 x 101 grid.
 *
 * <p>Inputs: "branch" [B, m], "x" [Nx, 1], "t" [Nt, 1]; output "u" [B, Nx*Nt] (column i*Nt + j).
 */
public final class SpikingSepOnet extends SpikingOperatorBuilder<SpikingSepOnet> {

    private int hidden = 16;
    private int rank = 16;
    private int nx = 101;
    private int nt = 101;

    private SpikingSepOnet() {
        super(101, Surrogate.gaussian(0.5));
    }

    public static SpikingSepOnet builder() {
        return new SpikingSepOnet();
    }

    @Override
    SpikingSepOnet self() {
        return this;
    }

    public SpikingSepOnet hidden(int width) {
        this.hidden = positive("hidden width", width);
        return this;
    }

    public SpikingSepOnet rank(int r) {
        this.rank = positive("rank r", r);
        return this;
    }

    public SpikingSepOnet grid(int gridX, int gridT) {
        this.nx = positive("grid size nx", gridX);
        this.nt = positive("grid size nt", gridT);
        return this;
    }

    public ComputationGraphConfiguration build() {
        ComputationGraphConfiguration.GraphBuilder g = graph().addInputs("branch", "x", "t");
        for (String net : new String[] {"branch", "x", "t"}) {
            g.addLayer(net + "_spikes", spikingLayer(hidden), net);
            g.addLayer(net + "_rates", new TimeAverage.Builder().build(), net + "_spikes");
            g.addLayer(net + "_out", new DenseLayer.Builder().nOut(rank).activation(Activation.IDENTITY).build(),
                    net + "_rates");
        }
        g.addVertex("product", new SepOnetProduct(nx, nt), "branch_out", "x_out", "t_out");
        g.addLayer("u", new LossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build(),
                "product");
        return g.setOutputs("u")
                .setInputTypes(InputType.feedForward(sensorCount()), InputType.feedForward(1), InputType.feedForward(1))
                .build();
    }
}
