package org.dl4jsnn.operator.conf;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;

final class OperatorInputs {

    private OperatorInputs() {
    }

    static void requireFeedForward(String vertex, InputType... in) {
        for (int i = 0; i < in.length; i++) {
            if (in[i].getType() != InputType.Type.FF) {
                throw new InvalidInputTypeException(vertex + ": input " + i + " must be feed-forward [rows, width]"
                        + " (put a TimeAverage and a dense layer after spiking layers), got " + in[i]);
            }
        }
    }
}
