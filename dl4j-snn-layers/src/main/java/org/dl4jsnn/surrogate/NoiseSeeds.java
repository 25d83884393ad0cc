package org.dl4jsnn.surrogate;

/**
 * Which noise stream a spiking layer uses at a training iteration: a pure function of the network's
 * seed, the iteration count and the layer's index. Back-propagation and the forward-mode engine both
 * use it, so a stochastic surrogate draws the same noise on both paths, and a network restored from
 * disk continues with the draws an uninterrupted run would have made.
 */
public final class NoiseSeeds {

    private NoiseSeeds() {
    }

    public static long forLayer(long networkSeed, long iteration, int layerIndex) {
        return CounterNoise.derive(CounterNoise.derive(networkSeed, iteration), layerIndex);
    }
}
