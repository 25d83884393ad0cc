package org.dl4jsnn.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.data.DatasetCache;
import org.dl4jsnn.data.DeepOnetIterator;
import org.dl4jsnn.data.DiffusionReactionDataset;
import org.dl4jsnn.data.GridOperatorSamples;
import org.dl4jsnn.data.OperatorSamples;
import org.dl4jsnn.data.PoissonDataset;
import org.dl4jsnn.data.SepOnetIterator;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.operator.OperatorBiases;
import org.dl4jsnn.init.InitScheme;
import org.dl4jsnn.operator.BranchRows;
import org.dl4jsnn.operator.SpikingDeepOnet;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.train.RfgComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.dl4jsnn.operator.SpikingSepOnet;

/**
 * A benchmark main for one operator network, method and batch that prints median wall and CPU ms per
 * iteration; it uses only API that older builds have too, so the same class, compiled beside an older
 * jar, times the older code side by side (the bench's operator rows did not exist there).
 *
 * <pre>
 * java -cp dl4j-snn.jar org.dl4jsnn.bench.OperatorTimer deeponet|seponet BATCH FWD|BP|RFG-G|RFG-L WARMUP ITERS [pairs|functions]
 * </pre>
 *
 * <p>The optional last argument is the DeepONet's {@link BranchRows} layout: {@code pairs} (the default, and
 * all an older build has) gives the branch one row per pair, {@code functions} one per distinct function.
 */
public final class OperatorTimer {

    private OperatorTimer() {
    }

    public static void main(String[] args) {
        if (args.length != 5 && args.length != 6) {
            throw new IllegalArgumentException("usage: deeponet|seponet BATCH FWD|BP|RFG-G|RFG-L WARMUP ITERATIONS"
                    + " [pairs|functions]");
        }
        BranchRows rows = args.length == 5 || args[5].equals("pairs") ? BranchRows.PER_PAIR
                : args[5].equals("functions") ? BranchRows.PER_FUNCTION : null;
        if (rows == null) {
            throw new IllegalArgumentException("the DeepONet layout must be pairs or functions, got " + args[5]);
        }
        String net = args[0];
        int batch = Integer.parseInt(args[1]);
        String method = args[2];
        int warmup = Integer.parseInt(args[3]);
        int iterations = Integer.parseInt(args[4]);
        long seed = 42;
        DatasetCache cache = DatasetCache.atDefaultLocation();
        ComputationGraphConfiguration conf;
        MultiDataSet data;
        if (net.equals("deeponet")) {
            OperatorSamples train = PoissonDataset.load(PoissonDataset.Config.defaults(), cache).train();
            data = new DeepOnetIterator(train, batch, true, seed, DataType.FLOAT, rows).next();
            conf = SpikingDeepOnet.builder().surrogate(Surrogate.gaussian(0.3)).seed(seed)
                    .init(InitScheme.FAN_IN_UNIFORM).branchRows(rows).build();
        } else if (net.equals("seponet")) {
            GridOperatorSamples train = DiffusionReactionDataset.load(DiffusionReactionDataset.Config.defaults()
                    .withLengthScale(DiffusionReactionDataset.PAPER_LENGTH_SCALE), cache).train();
            data = new SepOnetIterator(train, batch, true, seed, DataType.FLOAT).next();
            conf = SpikingSepOnet.builder().sensors(train.sensorCount())
                    .grid(train.nx(), train.nt()).surrogate(Surrogate.gaussian(0.5)).seed(seed)
                    .init(InitScheme.FAN_IN_UNIFORM).build();
        } else {
            throw new IllegalArgumentException("net must be deeponet or seponet, got " + net);
        }
        ComputationGraph g = switch (method) {
            case "FWD", "BP" -> new ComputationGraph(conf);
            case "RFG-G" -> new RfgComputationGraph(conf, RfgSettings.global(seed));
            case "RFG-L" -> new RfgComputationGraph(conf, RfgSettings.layerwise(seed));
            default -> throw new IllegalArgumentException("method must be FWD, BP, RFG-G or RFG-L, got " + method);
        };
        g.init();
        OperatorBiases.drawFanInUniform(g);
        var bean = ManagementFactory.getThreadMXBean();
        double[] wall = new double[iterations];
        double[] cpu = new double[iterations];
        for (int i = -warmup; i < iterations; i++) {
            long c0 = bean.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            if (method.equals("FWD")) {
                g.output(data.getFeatures());
            } else {
                g.fit(data);
            }
            if (i >= 0) {
                wall[i] = (System.nanoTime() - w0) / 1e6;
                cpu[i] = (bean.getCurrentThreadCpuTime() - c0) / 1e6;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%s %s batch=%d%s: median %.3f ms wall, %.3f ms cpu (%d timed)%n", net, method,
                batch, net.equals("deeponet") ? " " + rows : "", wall[iterations / 2], cpu[iterations / 2], iterations);
    }
}
