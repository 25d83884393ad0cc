package org.dl4jsnn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator networks' operation counts against counts done by hand, term by term, on tiny shapes. */
class OperatorFlopCountTest {

    /** Branch 3-2-2 and trunk 1-2-2 on B = 2 pairs, p = 2, T = 2. */
    private static final OperatorShape DEEPONET = OperatorShape.deepOnet(2, 3, 2, 2);

    @Test
    void deepOnetForwardIsBothTowersOnEveryPairThenTheProductAndOutput() {
        // branch: W x once 2*2*3*2 = 24, + bias 4, neurons 12*2*2*2 = 96; average 2*2*3 = 12; readout 16 + 4
        double branch = 24 + 4 + 96 + 12 + 16 + 4;
        // trunk: W x 2*2*1*2 = 8, + bias 4, neurons 96; average 12; readout 16 + 4
        double trunk = 8 + 4 + 96 + 12 + 16 + 4;
        // product 2 B p = 8; u = w0 u + b0 (2 B = 4) and MSE with bias (5 B = 10)
        double head = 8 + 4 + 10;
        assertThat(FlopCount.count(DEEPONET, 2, BenchMethod.forward()).total()).isEqualTo(branch + trunk + head);
    }

    @Test
    void perFunctionDeepOnetCountsTheBranchOnceForItsOneFunction() {
        // the same B = 2 pairs sharing one function: the branch's forward terms above (156) once, not twice
        OperatorShape one = OperatorShape.deepOnet(2, 1, 3, 2, 2);
        double branchPerRow = (24 + 4 + 96 + 12 + 16 + 4) / 2.0;
        assertThat(FlopCount.count(one, 2, BenchMethod.forward()).total())
                .isEqualTo(FlopCount.count(DEEPONET, 2, BenchMethod.forward()).total() - branchPerRow);
        assertThat(one.parameters()).isEqualTo(DEEPONET.parameters());
    }

    @Test
    void deepOnetBackPropagationAddsEachTowersAdjointTheProductsAndAdam() {
        double primal = 318;
        // branch: 2 * 24 + neurons 5*2*2*2 = 40; readout 2*16 + bias 4 + spread 4
        double branch = 48 + 40 + 32 + 4 + 4;
        // trunk: 2 * 8 + 40; readout 40
        double trunk = 16 + 40 + 40;
        // product adjoint 2 B p = 8; output 2 * 4 + MSE and bias 3 B = 6
        double head = 8 + 8 + 6;
        // parameters: branch 3*2+2 + 2*2+2 = 14, trunk 1*2+2 + 6 = 10, w0 and b0: 26, Adam 13 each
        double update = 13 * 26;
        FlopCount.Breakdown bp = FlopCount.count(DEEPONET, 2, BenchMethod.bp());
        assertThat(bp.primal()).isEqualTo(primal);
        assertThat(bp.backward()).isEqualTo(branch + trunk + head);
        assertThat(bp.update()).isEqualTo(update);
        assertThat(DEEPONET.parameters()).isEqualTo(26);
    }

    @Test
    void deepOnetOneGlobalDirectionCarriesATangentThroughEveryLayer() {
        // branch: V_W x + V_b 24 + 4, neurons 4*2*2*2 = 32, average 12; readout V_W 16 + 4, W sdot 16
        double branch = 28 + 32 + 12 + 20 + 16;
        double trunk = 12 + 32 + 12 + 20 + 16;
        // product: bdot t and b tdot, 2 B p each; output own 3 B + in 2 B + MSE 3 B
        double head = 16 + 6 + 4 + 6;
        double estimate = 2 * 26;                          // g += Ldot v over the 26 parameters
        assertThat(FlopCount.count(DEEPONET, 2, BenchMethod.global(1)).tangents())
                .isEqualTo(branch + trunk + head + estimate);
    }

    @Test
    void deepOnetLayerwiseDirectionsReachTheProductThroughOneTowerEach() {
        // 5 groups (two per tower, the output); tower layer 2 carries its own and layer 1's direction
        double branch = 28 + 32 + 12 + 20 + 16;            // as global K = 1: own 1, in 1 at the readout
        double trunk = 12 + 32 + 12 + 20 + 16;
        // product: 4 directions with one nonzero factor, 2 B p = 8 each; output own 3 B + in 4 * 2 B + MSE 3 B * 5
        double head = 4 * 8 + 6 + 16 + 30;
        double estimate = 2 * 26 * 5;
        assertThat(FlopCount.count(DEEPONET, 2, BenchMethod.layerwise(1)).tangents())
                .isEqualTo(branch + trunk + head + estimate);
    }

    @Test
    void sepOnetEvaluatesTrunksOncePerGridCoordinateAndTheGridAsOneProduct() {
        // F = 1 function, 2 x 3 grid, branch 2-2-2, trunks 1-2-2, r = 2, T = 1
        OperatorShape sep = OperatorShape.sepOnet(1, 2, 2, 3, 2, 2);
        double branch = 8 + 2 + 24 + 4 + 8 + 2;            // rows 1
        double x = 8 + 4 + 48 + 8 + 16 + 4;                // rows 2
        double t = 12 + 6 + 72 + 12 + 24 + 6;              // rows 3
        double product = 1 * 2 * 2 + 2 * 1 * 2 * 3 * 2;    // br * x, then (br * x) t^T
        double loss = 4 * 6;
        assertThat(FlopCount.count(sep, 1, BenchMethod.forward()).total())
                .isEqualTo(branch + x + t + product + loss);
        // back: the two grid products (2 * 24) and 5 F nx p = 20 beside the towers' adjoints and the loss's 2 per value
        double towersBack = (2 * 8 + 5 * 2 + 2 * 8 + 2 + 2) + (2 * 8 + 5 * 4 + 2 * 16 + 4 + 4)
                + (2 * 12 + 5 * 6 + 2 * 24 + 6 + 6);
        assertThat(FlopCount.count(sep, 1, BenchMethod.bp()).backward()).isEqualTo(towersBack + 48 + 20 + 12);
    }

    @Test
    void shapesRejectMismatchedTowers() {
        // a branch with more rows than pairs: neither one per pair nor one per distinct function
        assertThatThrownBy(() -> new OperatorShape(List.of(new OperatorShape.Tower("b", 3, new int[] {3, 2, 2}),
                new OperatorShape.Tower("t", 2, new int[] {1, 2, 2})), OperatorShape.Product.DEEPONET, 2, 2))
                .hasMessageContaining("at most the trunk's rows");
        assertThatThrownBy(() -> OperatorShape.deepOnet(0, 3, 2, 2)).hasMessageContaining("rows must be >= 1");
    }
}
