package org.dl4jsnn.arbiter.space;

import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;

/** Small helpers for building spaces. */
final class Spaces {

    private Spaces() {
    }

    static <T> ParameterSpace<T> fixed(T value) {
        return new FixedValue<>(value);
    }

    static <S extends ParameterSpace<?>> S required(String name, S space) {
        if (space == null) {
            throw new IllegalArgumentException(name + " must not be null: pass a space or a fixed value");
        }
        return space;
    }
}
