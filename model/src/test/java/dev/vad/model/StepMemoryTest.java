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
    void reusesReleasedArraysAndFreesThoseAWholeStepLeftUnused() {
        StepMemory memory = new StepMemory();
        INDArray released = memory.allocate(false, DataType.FLOAT, 4, 4);
        INDArray kept = memory.allocate(false, DataType.FLOAT, 8);
        memory.release(released);
        INDArray reused = memory.allocate(false, DataType.FLOAT, 2, 8);
        boolean shared = reused.data() == released.data();
        reused.assign(3);
        double reusedSum = reused.sumNumber().doubleValue();
        long freshInFirstStep = memory.freshAllocations();
        memory.endStep();
        INDArray nextStep = memory.allocate(false, DataType.FLOAT, 8);
        boolean keptReused = nextStep.data() == kept.data();
        memory.endStep();
        boolean idleFreedAfterAWholeStep = reused.wasClosed();
        memory.endStep();

        assertThat(shared).as("an allocation of the same type and length takes the released array").isTrue();
        assertThat(reused.shape()).containsExactly(2, 8);
        assertThat(reusedSum).isEqualTo(48.0);
        assertThat(freshInFirstStep).as("only the first two allocations take new memory").isEqualTo(2);
        assertThat(keptReused).as("an array the step left open is free in the next step").isTrue();
        assertThat(idleFreedAfterAWholeStep).as("a free array no allocation took during a step is freed").isTrue();
        assertThat(kept.wasClosed()).as("freed after the step that took it again left it unused").isTrue();
        assertThat(memory.freeArrays()).isZero();
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
    void aTrainingStepsArraysServeTheNextStepAndTrainingGoesOn() {
        Autoencoder model = Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 3, 4, 16, 16));
        INDArray batch = Nd4j.rand(DataType.FLOAT, 4, 1, 4, 16, 16);
        double first = model.fit(batch);
        double last = first;
        for (int step = 0; step < 30; step++) {
            last = model.fit(batch);
        }
        StepMemory memory = model.graph().stepMemory().orElseThrow();
        long freshBefore = memory.freshAllocations();
        model.fit(batch);
        long freshInAStep = memory.freshAllocations() - freshBefore;
        // a step the model does not end itself: what SameDiff allocated and did not release is still open
        model.graph().sameDiff().calculateGradientsAndOutputs(Map.of(NetworkGraph.INPUT, batch),
                List.of(NetworkGraph.LOSS), model.graph().parameters().keySet());
        int leftOpenByAStep = memory.openArrays();
        int ended = model.graph().endTrainingStep();

        assertThat(freshInAStep).as("new arrays in a step once the steps before have filled the free list").isZero();
        assertThat(leftOpenByAStep).as("arrays SameDiff's gradient step leaves to the collector").isPositive();
        assertThat(ended).isEqualTo(leftOpenByAStep);
        assertThat(memory.openArrays()).isZero();
        assertThat(last).as("loss after 31 steps on one batch").isLessThan(first);
        assertThat(model.fit(batch)).isFinite();
    }

    @Test
    void reusedArraysTrainExactlyAsNewOnesDo() {
        Autoencoder reusing = Autoencoder.create(ModelSpec.of(Preset.DEEP, 1, 5, 8, 16));
        Autoencoder fresh = Autoencoder.create(ModelSpec.of(Preset.DEEP, 1, 5, 8, 16));
        for (int step = 0; step < 12; step++) {
            Nd4j.getRandom().setSeed(step);
            INDArray batch = Nd4j.rand(DataType.FLOAT, 6, 1, 8, 16);
            double reusingLoss = reusing.fit(batch);
            double freshLoss = fresh.fit(batch);
            fresh.graph().stepMemory().ifPresent(StepMemory::close);

            assertThat(reusingLoss).as("loss at step %d", step).isEqualTo(freshLoss);
        }
        assertThat(reusing.reconstruct(Nd4j.ones(DataType.FLOAT, 2, 1, 8, 16)))
                .isEqualTo(fresh.reconstruct(Nd4j.ones(DataType.FLOAT, 2, 1, 8, 16)));
    }

    @Test
    void inferenceCallsReuseTheirArraysAndHandBackCopiesThatStay() {
        Autoencoder model = Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 3, 4, 16, 16));
        Autoencoder fresh = Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 3, 4, 16, 16));
        INDArray first = Nd4j.rand(DataType.FLOAT, 4, 1, 4, 16, 16);
        INDArray second = Nd4j.rand(DataType.FLOAT, 4, 1, 4, 16, 16);
        INDArray kept = model.reconstruct(first);
        INDArray keptCopy = kept.dup();
        for (int call = 0; call < 3; call++) {
            model.reconstruct(second);
        }
        StepMemory memory = model.graph().inferenceMemory().orElseThrow();
        long freshBefore = memory.freshAllocations();
        INDArray again = model.reconstruct(first);
        long freshInACall = memory.freshAllocations() - freshBefore;
        double loss = model.loss(second);

        assertThat(freshInACall).as("new arrays in a steady inference call").isZero();
        assertThat(kept).as("a reconstruction the caller keeps is not overwritten by later calls")
                .isEqualTo(keptCopy);
        assertThat(again).isEqualTo(kept).isEqualTo(fresh.reconstruct(first));
        assertThat(loss).isEqualTo(fresh.loss(second));
    }
}
