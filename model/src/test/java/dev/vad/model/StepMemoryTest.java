package dev.vad.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StepMemoryTest {

    @Test
    void freesReleasedArraysAtOnceAndTheRestAtTheEndOfTheStep() {
        StepMemory memory = new StepMemory();
        INDArray released = memory.allocate(false, DataType.FLOAT, 4, 4);
        INDArray kept = memory.allocate(false, DataType.FLOAT, 8);
        INDArray copy = memory.dup(Nd4j.ones(DataType.FLOAT, 3));

        memory.release(released);
        boolean releasedClosed = released.wasClosed();
        boolean keptOpenDuringStep = !kept.wasClosed() && !copy.wasClosed();
        memory.endStep();

        assertThat(releasedClosed).as("a released array is freed at once").isTrue();
        assertThat(keptOpenDuringStep).as("arrays not released stay usable within the step").isTrue();
        assertThat(kept.wasClosed()).as("freed at the end of the step").isTrue();
        assertThat(copy.wasClosed()).isTrue();
        assertThat(memory.openArrays()).isZero();
    }

    @Test
    void leavesArraysItDidNotAllocateAlone() {
        StepMemory memory = new StepMemory();
        INDArray foreign = Nd4j.ones(DataType.FLOAT, 2);

        memory.release(foreign);
        memory.endStep();

        assertThat(foreign.wasClosed()).isFalse();
        assertThat(foreign.sumNumber().doubleValue()).isEqualTo(2.0);
    }

    @Test
    void aTrainingStepsLeftoversAreFreedAndTrainingGoesOn() {
        Autoencoder model = Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 3, 4, 16, 16));
        INDArray batch = Nd4j.rand(DataType.FLOAT, 4, 1, 4, 16, 16);
        double first = model.fit(batch);
        double last = first;
        for (int step = 0; step < 30; step++) {
            last = model.fit(batch);
        }
        model.fit(batch);
        StepMemory memory = model.graph().stepMemory().orElseThrow();
        // a step the model does not end itself: what SameDiff allocated and did not release is still open
        model.graph().sameDiff().calculateGradientsAndOutputs(Map.of(NetworkGraph.INPUT, batch),
                List.of(NetworkGraph.LOSS), model.graph().parameters().keySet());
        int leftOpenByAStep = memory.openArrays();
        int freed = model.graph().endTrainingStep();

        assertThat(leftOpenByAStep).as("arrays SameDiff's gradient step leaves to the collector").isPositive();
        assertThat(freed).isEqualTo(leftOpenByAStep);
        assertThat(memory.openArrays()).isZero();
        assertThat(last).as("loss after 31 steps on one batch, no freed array used again").isLessThan(first);
        assertThat(model.fit(batch)).isFinite();
    }
}
