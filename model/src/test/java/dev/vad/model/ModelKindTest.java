package dev.vad.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelKindTest {

    @Test
    void kindsNameTheirDimensionality() {
        assertThat(ModelKind.dimensions("conv1d")).hasValue(1);
        assertThat(ModelKind.dimensions("conv4d")).hasValue(4);
        assertThat(ModelKind.dimensions("conv6d")).hasValue(6);
        assertThat(ModelKind.dimensions("conv7d")).isEmpty();
        assertThat(ModelKind.dimensions("Conv3d")).isEmpty();
        assertThat(ModelKind.dimensions("conv3d ")).isEmpty();
    }
}
