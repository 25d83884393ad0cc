package org.dl4jsnn.arbiter.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.dl4jsnn.arbiter.TestCandidates;
import org.dl4jsnn.arbiter.candidate.SpikingMlpCandidate;
import org.dl4jsnn.arbiter.method.GradientMethod;
import org.junit.jupiter.api.Test;
import org.nd4j.shade.jackson.databind.ObjectMapper;

class CandidateRecordJsonTest {

    @Test
    void completedAndFailedRecordsRoundTrip() {
        SpikingMlpCandidate c = TestCandidates.mlp(GradientMethod.RFG_L);
        String network = new ObjectMapper().valueToTree(
                c.configuration(3, 10).toJson()).asText();
        String compact;
        try {
            compact = new ObjectMapper().readTree(network).toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        CandidateRecord done = new CandidateRecord(4, new double[] {0.25, 0.5}, 0.0625, 12.5, c.settings(), null,
                "MultiLayerNetwork", compact);
        assertThat(CandidateRecordJson.read(CandidateRecordJson.write(done))).isEqualTo(done);
        CandidateRecord failed = new CandidateRecord(5, new double[] {0.75}, null, 0.5, c.settings(),
                "diverged at iteration 3", null, null);
        CandidateRecord back = CandidateRecordJson.read(CandidateRecordJson.write(failed));
        assertThat(back).isEqualTo(failed);
        assertThat(back.completed()).isFalse();
        assertThat(back.method()).isEqualTo("RFG-LxK2");
    }
}
