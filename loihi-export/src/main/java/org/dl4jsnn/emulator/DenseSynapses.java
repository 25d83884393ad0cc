package org.dl4jsnn.emulator;

/**
 * Lava's Dense process as a one-step pipeline: at each step it delivers the sum computed the step
 * before, a_in[t] = W s[t-1], and a_in[1] = 0. This delay is why every dense layer adds a step of
 * latency on Loihi.
 */
final class DenseSynapses {

    private final int[][] weight;
    private final long[] pending;
    private final long[] delivered;

    DenseSynapses(int[][] weight) {
        this.weight = weight;
        this.pending = new long[weight.length];
        this.delivered = new long[weight.length];
    }

    /** Hands out last step's sums and computes this step's from the presynaptic spikes. */
    long[] step(byte[] presynaptic) {
        System.arraycopy(pending, 0, delivered, 0, pending.length);
        for (int j = 0; j < weight.length; j++) {
            long s = 0;
            int[] row = weight[j];
            for (int i = 0; i < row.length; i++) {
                if (presynaptic[i] != 0) {
                    s += row[i];
                }
            }
            pending[j] = s;
        }
        return delivered;
    }
}
