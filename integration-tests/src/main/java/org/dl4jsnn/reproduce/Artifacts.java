package org.dl4jsnn.reproduce;

/**
 * What a trained model predicts, for the report's figures: a function over a 2-D grid (Mexican hat,
 * diffusion-reaction) or sample functions over a 1-D axis (Poisson).
 */
public sealed interface Artifacts permits GridPrediction, CurveSamples {
}
