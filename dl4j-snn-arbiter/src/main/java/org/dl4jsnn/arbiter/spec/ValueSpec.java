package org.dl4jsnn.arbiter.spec;

import java.util.List;
import java.util.function.Function;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.distribution.LogUniformDistribution;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;

/** One setting of a space file: a fixed value, a list of choices, or a numeric range. */
sealed interface ValueSpec {

    /** A single value: not searched. */
    record Fixed(Object value) implements ValueSpec {
    }

    /** Search among these values. */
    record Choice(List<Object> values) implements ValueSpec {
    }

    /** Search a range: uniformly, or uniformly in log scale; integer ranges include both ends. */
    record Range(double min, double max, boolean log) implements ValueSpec {
    }

    /** The Arbiter space of this setting, its values converted by {@code convert}. */
    @SuppressWarnings("unchecked")
    default <T> ParameterSpace<T> toSpace(Function<Object, T> convert, boolean integer) {
        if (this instanceof Fixed f) {
            return new FixedValue<>(convert.apply(f.value()));
        }
        if (this instanceof Choice c) {
            return new DiscreteParameterSpace<>(c.values().stream().map(convert).toList());
        }
        Range r = (Range) this;
        if (integer) {
            return (ParameterSpace<T>) new IntegerParameterSpace((int) r.min(), (int) r.max());
        }
        return (ParameterSpace<T>) (r.log() ? new ContinuousParameterSpace(new LogUniformDistribution(r.min(), r.max()))
                : new ContinuousParameterSpace(r.min(), r.max()));
    }
}
