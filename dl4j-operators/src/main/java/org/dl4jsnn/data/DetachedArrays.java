package org.dl4jsnn.data;

import org.dl4jsnn.solver.Checks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Creates detached ND4J arrays from Java arrays. */
final class DetachedArrays {

    private DetachedArrays() {
    }

    /**
     * Always outside any workspace: data arrays outlive the training step that asks for them, and an
     * array created in an open workspace would be invalidated when that workspace is reset.
     */
    static INDArray create(double[] data, DataType dataType, long... shape) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.create(data, shape, dataType);
        }
    }

    static DataType checkFloatingPoint(DataType dataType) {
        Checks.notNull("dataType", dataType);
        if (!dataType.isFPType()) {
            throw new IllegalArgumentException("dataType must be a floating-point type (FLOAT, DOUBLE, HALF, BFLOAT16), got "
                    + dataType);
        }
        return dataType;
    }
}
