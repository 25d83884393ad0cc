package org.dl4jsnn.spark;

import java.io.Serializable;
import java.util.Set;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.estimator.Grouping;
import org.dl4jsnn.estimator.Perturbation;
import org.dl4jsnn.estimator.RfgSettings;

/** {@link RfgSettings} in a form Spark can ship to executors (the settings record is not serializable). */
record RfgSpec(Perturbation perturbation, int directions, DirectionDistribution distribution, long seed,
               Set<String> biasApart, int neuronsPerGroup) implements Serializable {

    static RfgSpec of(RfgSettings s) {
        return new RfgSpec(s.perturbation(), s.directions(), s.distribution(), s.seed(),
                Set.copyOf(s.grouping().biasApart()), s.grouping().neuronsPerGroup());
    }

    RfgSettings settings() {
        return new RfgSettings(perturbation, directions, distribution, seed,
                new Grouping(biasApart, neuronsPerGroup));
    }
}
