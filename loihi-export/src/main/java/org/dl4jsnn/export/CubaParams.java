package org.dl4jsnn.export;

/**
 * A netx CUBA neuron group: current decay iDecay and voltage decay vDecay (0..4096, 4096 = one) and the
 * threshold mantissa vThMant (effective threshold vThMant << 6).
 */
public record CubaParams(int iDecay, int vDecay, int vThMant) {

    /** Integrate-and-Fire: u holds only this step's input, v never leaks. */
    public static CubaParams integrateAndFire(int vThMant) {
        return new CubaParams(LoihiLimits.DECAY_UNITY, 0, vThMant);
    }

    /** A non-spiking readout: integrates like IF, threshold at the top of the range. */
    public static CubaParams readout() {
        return new CubaParams(LoihiLimits.DECAY_UNITY, 0, LoihiLimits.VTH_MAX);
    }

    public CubaParams {
        requireDecay("iDecay", iDecay);
        requireDecay("vDecay", vDecay);
        if (vThMant < 0 || vThMant > LoihiLimits.VTH_MAX) {
            throw new IllegalArgumentException("vThMant must be in [0, " + LoihiLimits.VTH_MAX + "], got " + vThMant);
        }
    }

    private static void requireDecay(String name, int value) {
        if (value < 0 || value > LoihiLimits.DECAY_UNITY) {
            throw new IllegalArgumentException(name + " must be in [0, 4096], got " + value);
        }
    }
}
