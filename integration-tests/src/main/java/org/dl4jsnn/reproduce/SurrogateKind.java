package org.dl4jsnn.reproduce;

/** Surrogate for the spike derivative (docs/design.md section 2): Gaussian (SG) or weak-form/Stein (WSG). */
public enum SurrogateKind {
    SG,
    WSG
}
