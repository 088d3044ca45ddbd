package dev.vad.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConvRatioBenchmarkTest {

    @Test
    void fourDimensionalConvolutionDoesThreeTimesTheMultiplyAddsAtEqualOutputSize() {
        ConvRatioOptions options = ConvRatioOptions.defaults().withThreads(1).withIterations(1, 1, 1)
                .withWarmUpSeconds(0).withShape(2, 2, 2, 2, 6, 6);
        List<ConvRatio> results = new ConvRatioBenchmark(System::nanoTime).run(options);

        assertThat(results).extracting(ConvRatio::pass).containsExactly("forward", "forward_backward");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.macRatio()).isEqualTo(3.0);
            assertThat(r.conv4dMs()).isPositive();
            assertThat(r.conv3dMs()).isPositive();
            assertThat(r.line()).contains("input_4d=[2,2,2,2,6,6] input_3d=[2,2,4,6,6]", "mac_ratio=3.000")
                    .containsPattern(" ratio=[0-9]+\\.[0-9]{3}$");
        });
    }
}
