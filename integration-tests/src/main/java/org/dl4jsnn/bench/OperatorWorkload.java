package org.dl4jsnn.bench;

import java.util.Objects;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.dl4jsnn.data.DatasetCache;
import org.dl4jsnn.data.DeepOnetIterator;
import org.dl4jsnn.data.DiffusionReactionDataset;
import org.dl4jsnn.data.GridOperatorSamples;
import org.dl4jsnn.data.OperatorSamples;
import org.dl4jsnn.data.PoissonDataset;
import org.dl4jsnn.data.SepOnetIterator;
import org.dl4jsnn.init.InitScheme;
import org.dl4jsnn.operator.BranchRows;
import org.dl4jsnn.operator.SpikingDeepOnet;
import org.dl4jsnn.operator.SpikingSepOnet;
import org.dl4jsnn.surrogate.Surrogate;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * One operator-network configuration the benchmark times: the network (built for a given surrogate), one
 * fixed minibatch of the task's own data, and the sizes its operation count needs.
 *
 * @param net            the name in the bench's net column, e.g. "poisson-deeponet"
 * @param batch          the batch as the task counts it: function-point pairs (DeepONet) or functions (SepONet)
 * @param steps          time steps T of every spiking layer
 * @param surrogateWidth s of the SG and WSG surrogates, the task's
 * @param network        the configuration for a surrogate (fan-in-uniform init, as the tasks train)
 */
public record OperatorWorkload(String net, int batch, int steps, double surrogateWidth, OperatorShape shape,
                               Function<Surrogate, ComputationGraphConfiguration> network, MultiDataSet minibatch) {

    /** The Poisson task's network: branch 100-32-32, trunk 1-32-32, T = 32, s = 0.3. */
    public static final int DEEPONET_HIDDEN = 32;
    public static final double DEEPONET_WIDTH = 0.3;
    /** The diffusion-reaction task's network: branch 101-16-16, trunks 1-16-16, T = 32, s = 0.5. */
    public static final int SEPONET_HIDDEN = 16;
    public static final double SEPONET_WIDTH = 0.5;
    private static final int STEPS = 32;

    public OperatorWorkload {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(minibatch, "minibatch");
        if (batch < 1 || steps < 1) {
            throw new IllegalArgumentException("batch and steps must be >= 1, got " + batch + ", " + steps);
        }
    }

    /**
     * The Poisson DeepONet on {@code pairs} function-point pairs of the task's cached training set (the first
     * shuffled minibatch the task's iterator gives; 80,000 = all 800 functions x 100 points), in the layout
     * the task trains ({@link BranchRows#PER_FUNCTION}: the branch on the minibatch's distinct functions).
     */
    public static OperatorWorkload poissonDeepOnet(int pairs, long seed, DatasetCache cache) {
        return poissonDeepOnet(pairs, seed, cache, BranchRows.PER_FUNCTION);
    }

    /** {@link #poissonDeepOnet(int, long, DatasetCache)} in a given layout of the branch rows. */
    public static OperatorWorkload poissonDeepOnet(int pairs, long seed, DatasetCache cache, BranchRows rows) {
        OperatorSamples train = PoissonDataset.load(PoissonDataset.Config.defaults(), cache).train();
        long all = (long) train.functionCount() * train.pointCount();
        if (pairs < 1 || pairs > all) {
            throw new IllegalArgumentException("pairs must be in [1, " + all + "] (functions x points), got " + pairs);
        }
        MultiDataSet batch = new DeepOnetIterator(train, pairs, true, seed, DataType.FLOAT, rows).next();
        int sensors = train.sensorCount();
        int functions = (int) batch.getFeatures(rows.branchInput()).size(0);
        return new OperatorWorkload("poisson-deeponet", pairs, STEPS, DEEPONET_WIDTH,
                OperatorShape.deepOnet(pairs, functions, sensors, DEEPONET_HIDDEN, DEEPONET_HIDDEN),
                s -> SpikingDeepOnet.builder().sensors(sensors).hidden(DEEPONET_HIDDEN).latent(DEEPONET_HIDDEN)
                        .timeSteps(STEPS).surrogate(s).seed(seed).init(InitScheme.FAN_IN_UNIFORM).branchRows(rows)
                        .build(),
                batch);
    }

    /** The diffusion-reaction SepONet on {@code functions} functions of the task's cached training set. */
    public static OperatorWorkload diffusionReactionSepOnet(int functions, long seed, DatasetCache cache) {
        GridOperatorSamples train = DiffusionReactionDataset.load(DiffusionReactionDataset.Config.defaults()
                .withLengthScale(DiffusionReactionDataset.PAPER_LENGTH_SCALE), cache).train();
        if (functions < 1 || functions > train.functionCount()) {
            throw new IllegalArgumentException("functions must be in [1, " + train.functionCount() + "], got "
                    + functions);
        }
        MultiDataSet batch = new SepOnetIterator(train, functions, true, seed, DataType.FLOAT).next();
        int sensors = train.sensorCount();
        int nx = train.nx();
        int nt = train.nt();
        return new OperatorWorkload("diffusion-reaction-seponet", functions, STEPS, SEPONET_WIDTH,
                OperatorShape.sepOnet(functions, sensors, nx, nt, SEPONET_HIDDEN, SEPONET_HIDDEN),
                s -> SpikingSepOnet.builder().sensors(sensors).grid(nx, nt).hidden(SEPONET_HIDDEN).rank(SEPONET_HIDDEN)
                        .timeSteps(STEPS).surrogate(s).seed(seed).init(InitScheme.FAN_IN_UNIFORM).build(),
                batch);
    }

    /** This workload's network with the SG surrogate, or WSG with {@link BenchMethod#STEIN_SAMPLES} draws. */
    public ComputationGraphConfiguration network(boolean stein) {
        return network.apply(stein ? Surrogate.stein(surrogateWidth, BenchMethod.STEIN_SAMPLES)
                : Surrogate.gaussian(surrogateWidth));
    }
}
