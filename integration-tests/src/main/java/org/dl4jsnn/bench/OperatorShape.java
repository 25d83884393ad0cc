package org.dl4jsnn.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The sizes {@link FlopCount} needs to count an operator network's iteration: its towers (spiking MLPs
 * ending in a dense readout, each evaluated on its own number of rows), how their readouts are combined,
 * and the MSE output.
 *
 * @param towers        branch first, then the trunks
 * @param product       how the readouts combine
 * @param outputs       values the MSE loss compares per iteration
 * @param outputParams  parameters of the layer after the product (the DeepONet's w0 and b0: 2; SepONet's loss
 *                      layer: 0)
 */
public record OperatorShape(List<Tower> towers, Product product, long outputs, int outputParams) {

    /**
     * A spiking MLP: {@code widths = {in, spiking..., readout}}, the last a dense layer without loss.
     *
     * @param rows how many examples the tower evaluates per iteration (a DeepONet's branch sees every
     *             function-point pair, a SepONet's x-trunk each grid column once)
     */
    public record Tower(String name, int rows, int[] widths) {

        public Tower {
            Objects.requireNonNull(name, "name");
            if (rows < 1) {
                throw new IllegalArgumentException("tower " + name + ": rows must be >= 1, got " + rows);
            }
            if (widths == null || widths.length < 3) {
                throw new IllegalArgumentException("tower " + name + ": widths needs input, >= 1 spiking layer"
                        + " and the readout");
            }
            for (int w : widths) {
                if (w < 1) {
                    throw new IllegalArgumentException("tower " + name + ": widths must be >= 1, got "
                            + Arrays.toString(widths));
                }
            }
            widths = widths.clone();
        }

        /** Parameter layers: the spiking layers and the readout. */
        public int layers() {
            return widths.length - 1;
        }

        public int readout() {
            return widths[widths.length - 1];
        }

        @Override
        public int[] widths() {
            return widths.clone();
        }
    }

    /** DEEPONET: {@code sum_k b[n,k] t[n,k]} per row; SEPONET: the rank-r outer product over a grid. */
    public enum Product { DEEPONET, SEPONET }

    public OperatorShape {
        towers = List.copyOf(towers);
        Objects.requireNonNull(product, "product");
        int need = product == Product.DEEPONET ? 2 : 3;
        if (towers.size() != need) {
            throw new IllegalArgumentException(product + " needs " + need + " towers, got " + towers.size());
        }
        int r = towers.get(0).readout();
        for (Tower t : towers) {
            if (t.readout() != r) {
                throw new IllegalArgumentException("all towers must end in the same latent size " + r + "; "
                        + t.name() + " ends in " + t.readout());
            }
        }
        if (product == Product.DEEPONET && towers.get(0).rows() > towers.get(1).rows()) {
            throw new IllegalArgumentException("a DeepONet's branch sees at most the trunk's rows (one per pair, or"
                    + " one per distinct function), got " + towers.get(0).rows() + " and " + towers.get(1).rows());
        }
        if (outputs < 1 || outputParams < 0) {
            throw new IllegalArgumentException("outputs must be >= 1 and outputParams >= 0, got " + outputs + ", "
                    + outputParams);
        }
    }

    /**
     * The Poisson DeepONet: branch {@code sensors-hidden-p} and trunk {@code 1-hidden-p} both on every one
     * of {@code pairs} function-point pairs, {@code u = w0 sum_k b_k t_k + b0}.
     */
    public static OperatorShape deepOnet(int pairs, int sensors, int hidden, int p) {
        return deepOnet(pairs, pairs, sensors, hidden, p);
    }

    /**
     * The Poisson DeepONet with its branch on {@code functions} rows (the minibatch's distinct functions, as
     * {@code BranchRows.PER_FUNCTION} runs it) and its trunk and product on every one of {@code pairs}.
     */
    public static OperatorShape deepOnet(int pairs, int functions, int sensors, int hidden, int p) {
        return new OperatorShape(List.of(new Tower("branch", functions, new int[] {sensors, hidden, p}),
                new Tower("trunk", pairs, new int[] {1, hidden, p})), Product.DEEPONET, pairs, 2);
    }

    /** The SepONet: branch on {@code functions}, trunks on the nx and nt grid coordinates, MSE on the grid. */
    public static OperatorShape sepOnet(int functions, int sensors, int nx, int nt, int hidden, int r) {
        return new OperatorShape(List.of(new Tower("branch", functions, new int[] {sensors, hidden, r}),
                new Tower("x", nx, new int[] {1, hidden, r}), new Tower("t", nt, new int[] {1, hidden, r})),
                Product.SEPONET, (long) functions * nx * nt, 0);
    }

    /** The latent size p (DeepONet) or rank r (SepONet). */
    public int latent() {
        return towers.get(0).readout();
    }

    public long parameters() {
        long p = outputParams;
        for (Tower t : towers) {
            int[] w = t.widths();
            for (int l = 1; l < w.length; l++) {
                p += (long) w[l - 1] * w[l] + w[l];
            }
        }
        return p;
    }

    /** Parameter layers in all: the towers' and, if it has parameters, the output layer. */
    public int parameterLayers() {
        int n = outputParams > 0 ? 1 : 0;
        for (Tower t : towers) {
            n += t.layers();
        }
        return n;
    }
}
