package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.SettingGroup;
import dev.vad.core.score.ScoringConfig;
import dev.vad.scorer.ScoreObserver;
import dev.vad.scorer.ScorerOutcome;
import dev.vad.scorer.ScorerService;
import dev.vad.scorer.ScorerSettings;
import dev.vad.scorer.evidence.EvidenceSettings;
import dev.vad.scorer.evidence.EvidenceStore;
import dev.vad.scorer.viewer.LiveViewer;
import dev.vad.scorer.viewer.ViewerSettings;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vad score}: reconstruct and score every window with the newest model. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score frame windows with the newest version of a model (swapped in as versions arrive);",
            "publish scores, sampled reconstructions and anomaly events. Runs until Ctrl-C."})
final class ScoreCommand implements Callable<Integer>, Configured {

    @Spec
    CommandSpec spec;

    @Override
    public List<SettingGroup> settingGroups() {
        return Stream.concat(Stream.of(ScorerSettings.SCORE, ScoringConfig.SCORING, ViewerSettings.SETTINGS,
                EvidenceSettings.SETTINGS), ServiceOptions.GROUPS.stream()).toList();
    }

    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() throws InterruptedException {
        ConfigReader config = ServiceConfig.of(spec);
        ScorerSettings settings = ScorerSettings.load(config, null, null, options.kafka.properties, true);
        config.validate();
        return score(settings, spec);
    }

    /** Runs the scorer with its metrics endpoint and viewer until it ends or the process is asked to stop. */
    static int score(ScorerSettings settings, CommandSpec spec) throws InterruptedException {
        EvidenceStore store = evidenceStore(settings);
        try (LiveViewer viewer = startViewer(settings, store, spec.commandLine().getOut())) {
            return run(settings, spec, viewer.observer(), store);
        }
    }

    /** Starts the live viewer of the settings over {@code store}, and says where it and the evidence are. */
    static LiveViewer startViewer(ScorerSettings settings, EvidenceStore store, PrintWriter out) {
        LiveViewer viewer = LiveViewer.start(settings.viewer(), settings.scoring().maxStreams(), Clock.systemUTC(),
                store);
        viewer.announcement().ifPresent(out::println);
        if (store != null) {
            out.println("evidence in " + store.root());
        }
        return viewer;
    }

    /** The evidence directory of the settings, opened; null when none is set. */
    static EvidenceStore evidenceStore(ScorerSettings settings) {
        return settings.evidence().enabled() ? EvidenceStore.open(settings.evidence().dir(), Clock.systemUTC())
                : null;
    }

    private static int run(ScorerSettings settings, CommandSpec spec, ScoreObserver observer, EvidenceStore store)
            throws InterruptedException {
        try (ServiceHost host = ServiceHost.open("scorer", settings.kafka(),
                Math.max(settings.topicSettings().frameMaxMessageBytes(),
                        settings.topicSettings().modelMaxMessageBytes()), settings.metrics())) {
            return host.run(new ScorerService(settings, host.clients(), host.registry(), Clock.systemUTC(), observer,
                    store), spec.commandLine().getOut(), ScoreCommand::describe);
        }
    }

    static String describe(ScorerOutcome o) {
        return o.model() + ": scored " + o.windows() + " windows with versions " + o.versions()
                + (o.rejected() == 0 ? "" : ", " + o.rejected() + " records to the dead-letter topic")
                + (o.note() == null ? "" : " (" + o.note() + ")");
    }
}
