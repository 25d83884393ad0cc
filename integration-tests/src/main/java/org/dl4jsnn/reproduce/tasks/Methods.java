package org.dl4jsnn.reproduce.tasks;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.estimator.Perturbation;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.reproduce.GradientKind;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.SurrogateKind;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.train.RfgComputationGraph;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/** Turns a method label's parts into the library's settings. */
final class Methods {

    /** WSG's sample count N (SPEC section 2). */
    static final int STEIN_SAMPLES = 16;

    private Methods() {
    }

    /**
     * The DL4J network seed of a run. DL4J M2.1's native generator treats seed 0 as "unseeded" (the
     * initial weights then differ run to run), and runs are numbered from 0, so the run seed is mixed
     * into a seed that is never 0 in practice.
     */
    static long networkSeed(long runSeed) {
        long s = org.dl4jsnn.surrogate.CounterNoise.derive(runSeed, 0x5EEDL);
        return s == 0 ? 1 : s;
    }

    /** The settings key of the learning-rate schedule; its value is shown in the report as is. */
    static final String SCHEDULE = "lr schedule";
    static final String STEP_DECAY = "step: lr/10 at 60%, lr/100 at 85% of the iterations";

    /**
     * Adam at the settings' learning rate, constant, or with step decay when the settings ask for it
     * (the paper preset: the noise floor of a constant rate, not the network, limits the last digits).
     */
    static IUpdater updater(RunSettings settings) {
        double lr = settings.lr();
        if (!STEP_DECAY.equals(settings.extra().get(SCHEDULE))) {
            return new Adam(lr);
        }
        int n = settings.iterations();
        return new Adam(new MapSchedule.Builder(ScheduleType.ITERATION)
                .add(0, lr).add((int) (0.6 * n), lr / 10).add((int) (0.85 * n), lr / 100).build());
    }

    /** The same settings with step decay of the learning rate. */
    static java.util.Map<String, String> withStepDecay(java.util.Map<String, String> extra) {
        java.util.Map<String, String> m = new java.util.TreeMap<>(extra);
        m.put(SCHEDULE, STEP_DECAY);
        return m;
    }

    static Surrogate surrogate(MethodSpec method, double width) {
        return method.surrogate() == SurrogateKind.SG ? Surrogate.gaussian(width)
                : Surrogate.stein(width, STEIN_SAMPLES);
    }

    static RfgSettings rfg(MethodSpec method, long seed) {
        Perturbation p = method.gradient() == GradientKind.RFG_G ? Perturbation.GLOBAL : Perturbation.LAYERWISE;
        return new RfgSettings(p, method.directions(), DirectionDistribution.RADEMACHER, seed);
    }

    /** BP trains a plain graph; RFG the forward-gradient graph with the same configuration. */
    static ComputationGraph create(ComputationGraphConfiguration conf, MethodSpec method, long seed) {
        return method.gradient() == GradientKind.BP ? new ComputationGraph(conf)
                : new RfgComputationGraph(conf, rfg(method, seed));
    }

    static ComputationGraph wrap(ComputationGraph restored, MethodSpec method, long seed) {
        return method.gradient() == GradientKind.BP ? restored : RfgComputationGraph.wrap(restored, rfg(method, seed));
    }
}
