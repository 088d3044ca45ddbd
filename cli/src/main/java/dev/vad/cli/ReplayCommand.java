package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.store.ModelDirectory;
import dev.vad.core.score.ScoringConfig;
import dev.vad.model.fit.FitSettings;
import dev.vad.scorer.ScorerSettings;
import dev.vad.trainer.TrainerSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vad replay}: retrain on, or re-score, a range of the frames topic. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Retrain on a range of the frames topic and publish one model whose lineage is that range,",
            "or re-score the range with --rescore into separate output topics. Outside any consumer group:",
            "the live services' offsets are untouched."})
final class ReplayCommand implements Callable<Integer>, Configured {

    @Spec
    CommandSpec spec;

    /**
     * Replay's {@code --model}: a kind to train (read as {@link FitSettings#MODEL}), or with {@code --rescore} a
     * model's name and version to score with (read as {@link ScorerSettings#MODEL}).
     */
    static final Setting<String> MODEL = Setting.text("model", "KIND|NAME@VERSION", FitSettings.MODEL.defaultValue(),
            "Training: conv1d..conv6d; re-scoring: the model name and version to score with")
            .defaultText(FitSettings.MODEL.defaultValue() + " when training")
            .accepts(FitSettings.MODEL.accepts() + " when training; NAME@VERSION when re-scoring");

    /** What replay trains or re-scores with, and where re-scoring writes. */
    static final SettingGroup REPLAY = SettingGroup.of("replay", MODEL, ScorerSettings.OUTPUT_SUFFIX,
            ModelDirectory.SETTING);

    @Override
    public List<SettingGroup> settingGroups() {
        return Stream.concat(Stream.of(REPLAY, TrainerSettings.TRAINING, ScoringConfig.SCORING),
                ServiceOptions.GROUPS.stream()).toList();
    }

    @Option(names = "--from", paramLabel = "OFFSETS|TIMESTAMP|earliest", required = true,
            description = "Start: per-partition offsets (0:120,1:80), an ISO-8601 instant or earliest.")
    String from;

    @Option(names = "--to", paramLabel = "OFFSETS|TIMESTAMP|end",
            description = "End, exclusive, as --from (default end: the log end now).")
    String to;

    @Option(names = "--rescore", description = "Re-score the range instead of training on it.")
    boolean rescore;

    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> flags = new HashMap<>(Flags.given(spec));
        if (System.getenv(ConfigReader.environmentName("metrics-port")) == null) {
            // A one-off replay serves no metrics unless asked: it must not take a running trainer's port.
            flags.putIfAbsent("metrics-port", "-1");
        }
        ConfigReader config = new ConfigReader(flags, System.getenv());
        if (rescore) {
            ScorerSettings settings = ScorerSettings.load(config, from, to, options.kafka.properties, true);
            config.validate();
            return ScoreCommand.score(settings, spec);
        }
        TrainerSettings settings = TrainerSettings.load(config, from, to, options.kafka.properties, true);
        config.validate();
        return TrainCommand.train(settings, spec);
    }
}
