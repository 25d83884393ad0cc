package org.dl4jsnn.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/** Reading the files export and emulation start from: DL4J model zips and CSV input tables. */
public final class ModelFiles {

    private ModelFiles() {
    }

    /** A ComputationGraph saved with ModelSerializer; a damaged, truncated or foreign file fails naming it. */
    public static ComputationGraph loadGraph(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new ModelFileException("model file " + zip + " does not exist or is not a file");
        }
        try {
            return ModelSerializer.restoreComputationGraph(zip.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException("cannot read " + zip + " as a DL4J ComputationGraph model zip (damaged,"
                    + " truncated, or not saved by ModelSerializer from a ComputationGraph): " + e.getMessage(), e);
        }
    }

    /** Rows of a CSV table: inputs, and the target when a row has one more column than the net has inputs. */
    public record InputTable(double[][] inputs, double[] targets) {
        public boolean hasTargets() {
            return targets != null;
        }
    }

    /** Reads comma-separated rows of {@code nIn} or {@code nIn + 1} numbers; '#' lines and a header are skipped. */
    public static InputTable readInputs(Path csv, int nIn) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new ModelFileException("cannot read input table " + csv + ": " + e.getMessage(), e);
        }
        List<double[]> rows = new ArrayList<>();
        int width = -1;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",");
            double[] row = new double[cells.length];
            try {
                for (int c = 0; c < cells.length; c++) {
                    row[c] = Double.parseDouble(cells[c].trim());
                }
            } catch (NumberFormatException e) {
                if (rows.isEmpty() && width < 0) {
                    continue; // a header line
                }
                throw new ModelFileException(csv + " line " + (n + 1) + ": not a number: " + e.getMessage());
            }
            if (row.length != nIn && row.length != nIn + 1) {
                throw new ModelFileException(csv + " line " + (n + 1) + ": " + row.length + " columns; the net takes "
                        + nIn + " inputs (optionally followed by one target)");
            }
            if (width >= 0 && row.length != width) {
                throw new ModelFileException(csv + " line " + (n + 1) + ": " + row.length + " columns, earlier rows "
                        + width);
            }
            width = row.length;
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new ModelFileException(csv + " holds no input rows");
        }
        double[][] x = new double[rows.size()][];
        double[] y = width == nIn + 1 ? new double[rows.size()] : null;
        for (int r = 0; r < x.length; r++) {
            x[r] = Arrays.copyOf(rows.get(r), nIn);
            if (y != null) {
                y[r] = rows.get(r)[nIn];
            }
        }
        return new InputTable(x, y);
    }
}
