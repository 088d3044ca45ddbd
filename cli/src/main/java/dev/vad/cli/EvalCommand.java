package dev.vad.cli;

import dev.vad.broker.BrokerOptions;
import dev.vad.broker.EmbeddedKafkaBroker;
import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.config.TopicSettings;
import dev.vad.eval.EvalOutput;
import dev.vad.eval.EvalReport;
import dev.vad.eval.EvalSettings;
import dev.vad.eval.Evaluation;
import dev.vad.eval.EventFigures;
import dev.vad.eval.LabelledDataset;
import dev.vad.eval.LabelledDatasets;
import dev.vad.eval.ThresholdFigures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vad eval}: frame-level AUC and EER, and alarm figures, on a labelled dataset. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Train on a labelled dataset's training clips, score its test clips, report AUC, EER and"
                + " alarms (anomalies caught, detection delay, false alarms per hour).",
            "Training clips held out (--validation-clips) are made anomalous in known ways and scored too, for",
            "figures that need no test labels.",
            "Writes report.json, roc.png, clip-<name>.png per test clip, frame_scores.csv and",
            "validation_scores.csv into --out."})
final class EvalCommand implements Callable<Integer>, Configured {

    static final Setting<String> OUT = Setting.text("out", "DIR", "eval-out", "Report directory");
    static final Setting<Boolean> VIA_KAFKA = Setting.bool("via-kafka", false, "Run ingest, the trainer's replay and"
            + " the scorer's re-scoring through Kafka (an embedded broker unless --bootstrap-servers is given)"
            + " instead of in this process");

    @Spec
    CommandSpec spec;

    @Override
    public List<SettingGroup> settingGroups() {
        return List.of(SettingGroup.of("report", OUT, VIA_KAFKA), EvalSettings.SETTINGS, KafkaSettings.SETTINGS,
                TopicSettings.SETTINGS);
    }

    @Option(names = "--dataset", paramLabel = "NAME", required = true, description = "Dataset layout: ucsd-ped2.")
    String dataset;

    @Option(names = "--path", paramLabel = "DIR", required = true, description = "Dataset directory.")
    String path;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ConfigReader config = new ConfigReader(Flags.given(spec), System.getenv());
        EvalSettings settings = EvalSettings.load(config);
        Path output = Path.of(OUT.from(config));
        boolean throughKafka = VIA_KAFKA.from(config);
        KafkaSettings cluster = KafkaSettings.load(config, kafka.properties, false);
        config.validate();
        PrintWriter console = spec.commandLine().getOut();
        LabelledDataset data = LabelledDatasets.read(dataset, Path.of(path));
        int trainingClips = Math.min(settings.trainingClips(), data.training().size());
        settings.validation().check(config, trainingClips);
        config.validate();
        int heldOut = settings.validation().count(trainingClips);
        console.printf(Locale.ROOT, "%s (%s layout): %d training clips, %d test clips; using %d and %d%s%n",
                data.name(), data.layout(), data.training().size(), data.testing().size(), trainingClips,
                Math.min(settings.testClips(), data.testing().size()),
                heldOut == 0 ? "" : " (" + heldOut + " of the training clips held out for validation)");
        console.flush();
        Evaluation.Progress progress = progress(settings, console);
        Evaluation.Outcome outcome;
        if (!throughKafka) {
            outcome = Evaluation.run(data, settings, progress);
        } else if (cluster.bootstrapServers() != null) {
            console.println("through Kafka at " + cluster.bootstrapServers());
            outcome = PipelineEvaluation.run(data, settings, cluster, progress);
        } else {
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral())) {
                console.println("through the embedded Kafka broker at " + broker.bootstrapServers());
                console.flush();
                outcome = PipelineEvaluation.run(data, settings, cluster.withBootstrapServers(
                        broker.bootstrapServers()), progress);
            }
        }
        List<Path> written = EvalOutput.write(outcome, output);
        print(outcome.report(), console);
        console.println("wrote " + written.size() + " files to " + output.toAbsolutePath()
                + " (report.json, roc.png, clip plots, frame_scores.csv"
                + (outcome.report().validation() != null ? ", validation_scores.csv)" : ")"));
        return 0;
    }

    private static Evaluation.Progress progress(EvalSettings settings, PrintWriter console) {
        int every = Math.max(1, settings.fit().steps() / 20);
        return new Evaluation.Progress() {
            @Override
            public void trained(int step, int total, double loss) {
                if (step % every == 0 || step == total) {
                    console.printf(Locale.ROOT, "train %s %d/%d loss %.5f%n", bar(step, total), step, total, loss);
                    console.flush();
                }
            }

            @Override
            public void scored(String clip, int done, int total) {
                console.printf(Locale.ROOT, "score %s clip %s (%d/%d)%n", bar(done, total), clip, done, total);
                console.flush();
            }

            @Override
            public void validated(String clip, int done, int total) {
                console.printf(Locale.ROOT, "validate %s clip %s (%d/%d)%n", bar(done, total), clip, done, total);
                console.flush();
            }
        };
    }

    private static void print(EvalReport report, PrintWriter console) {
        console.printf(Locale.ROOT, "%-6s %7s %10s %9s %11s%n", "clip", "frames", "anomalous", "AUC", "AUC online");
        for (EvalReport.ClipResult clip : report.clips()) {
            console.printf(Locale.ROOT, "%-6s %7d %10d %9s %11s%n", clip.clip(), clip.frames(),
                    clip.anomalousFrames(), percent(clip.auc()), percent(clip.aucOnline()));
        }
        console.printf(Locale.ROOT, "frame AUC %s (paper protocol), %s (online protocol); EER %s / %s;"
                        + " trained in %.0f s, scored in %.0f s%n", percent(report.frameAucPaper()),
                percent(report.frameAucOnline()), percent(report.eer()), percent(report.eerOnline()),
                report.trainSeconds(), report.scoreSeconds());
        EvalReport.Validation validation = report.validation();
        if (validation != null) {
            console.printf(Locale.ROOT, "%-7s %6s %10s %9s %11s%n", "pseudo", "frames", "anomalous", "AUC",
                    "AUC online");
            validation.kinds().forEach((kind, result) -> console.printf(Locale.ROOT, "%-7s %6d %10d %9s %11s%n",
                    kind, result.frames(), result.anomalousFrames(), percent(result.aucPaper()),
                    percent(result.aucOnline())));
            console.printf(Locale.ROOT, "validation frame AUC %s (paper protocol), %s (online protocol) on"
                    + " pseudo-anomalies in held-out training clips %s%n", percent(validation.frameAucPaper()),
                    percent(validation.frameAucOnline()), String.join(", ", validation.clips()));
            printThresholds(validation, report.events().threshold(), console);
        }
        EventFigures events = report.events();
        console.printf(Locale.ROOT, "alarms (episodes at threshold %s, %d frames in a row to open, %d below %s to"
                        + " close):%n", events.threshold(), events.enterFrames(), events.exitFrames(),
                events.lowMark());
        print("each clip its own stream", events, console);
        if (report.oneStream() != null) {
            print("clips as one stream", report.oneStream().events(), console);
            console.printf(Locale.ROOT, "  one stream: frame AUC %s online%n",
                    percent(report.oneStream().frameAucOnline()));
        }
    }

    private static void printThresholds(EvalReport.Validation validation, double inForce, PrintWriter console) {
        console.println("validation alarms by threshold (each pseudo-anomalous clip its own stream; false alarms an"
                + " hour projected from the held-out clips' normal frames, an upper bound):");
        console.printf(Locale.ROOT, "%9s %8s %12s %23s%n", "threshold", "caught", "false alarms",
                "projected per hour");
        for (ThresholdFigures figures : validation.thresholds()) {
            console.printf(Locale.ROOT, "%9.1f %8s %12d %23s%s%n", figures.threshold(),
                    figures.caught() + "/" + figures.stretches(), figures.falseAlarmEpisodes(),
                    figures.projectedFalseAlarmsPerHour() == null ? "n/a"
                            : String.format(Locale.ROOT, "<= %.2g", figures.projectedFalseAlarmsPerHour()),
                    figures.threshold() == inForce ? "  (in force)" : "");
        }
    }

    private static void print(String scores, EventFigures events, PrintWriter console) {
        console.printf(Locale.ROOT, "  %s: %d of %d anomalies caught, delay median %s worst %s;"
                        + " %d false alarms (%s per hour of normal video)%n", scores, events.caught(),
                events.intervals(), seconds(events.medianDelaySeconds()), seconds(events.worstDelaySeconds()),
                events.falseAlarmEpisodes(), events.falseAlarmsPerHour() == null ? "n/a"
                        : String.format(Locale.ROOT, "%.1f", events.falseAlarmsPerHour()));
        if (!events.missed().isEmpty()) {
            console.println("    missed: " + events.missed().stream()
                    .map(m -> m.clip() + " frames " + m.firstFrame() + "-" + m.lastFrame())
                    .collect(Collectors.joining(", ")));
        }
    }

    private static String seconds(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.1f s", value);
    }

    private static String percent(Double value) {
        return value == null || value.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    private static String bar(int done, int total) {
        int filled = (int) Math.round(20.0 * done / total);
        return "[" + "#".repeat(filled) + ".".repeat(20 - filled) + "]";
    }
}
