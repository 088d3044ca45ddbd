package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vad.common.config.KafkaSettings;
import dev.vad.eval.Evaluation;
import dev.vad.eval.GeneratedDataset;
import dev.vad.eval.LabelledDataset;
import dev.vad.eval.LabelledDatasets;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation through Kafka (ingest, trainer replay, scorer re-scoring) against the one in this process. */
@ExtendWith(RealKafka.class)
class PipelineEvaluationIT {

    @TempDir
    Path root;

    @Test
    void throughKafkaTheServicesReachTheSameScoresAsTheInProcessEvaluation(KafkaBackend kafka) throws Exception {
        GeneratedDataset.write(root);
        LabelledDataset data = LabelledDatasets.read("ucsd-ped2", root);
        List<String> clipsScored = new ArrayList<>();
        Evaluation.Progress progress = new Evaluation.Progress() {
            @Override
            public void trained(int step, int steps, double loss) {
            }

            @Override
            public void scored(String clip, int done, int total) {
                clipsScored.add(clip);
            }
        };

        Evaluation.Outcome inProcess = Evaluation.run(data, GeneratedDataset.settings(), progress);
        Evaluation.Outcome viaKafka = PipelineEvaluation.run(data, GeneratedDataset.settings(),
                new KafkaSettings(kafka.bootstrapServers(), Map.of()), progress);

        assertThat(clipsScored).containsExactly("01", "02", "01", "02");
        assertThat(viaKafka.report().model()).as("the trainer fitted the same model")
                .isEqualTo(inProcess.report().model());
        for (int clip = 0; clip < 2; clip++) {
            assertThat(viaKafka.scores().get(clip).online()).as("clip %d, frame by frame", clip)
                    .containsExactly(inProcess.scores().get(clip).online(), within(1e-6));
        }
        assertThat(viaKafka.report().frameAucPaper()).isCloseTo(inProcess.report().frameAucPaper(), within(0.005))
                .isGreaterThan(0.9);
        assertThat(viaKafka.report().frameAucOnline()).isCloseTo(inProcess.report().frameAucOnline(),
                within(0.005));
        assertThat(viaKafka.report().validation().clips()).as("the held-out clip was not published")
                .isEqualTo(inProcess.report().validation().clips()).containsExactly("02");
        assertThat(viaKafka.report().validation().frameAucOnline())
                .isCloseTo(inProcess.report().validation().frameAucOnline(), within(0.005));
    }
}
