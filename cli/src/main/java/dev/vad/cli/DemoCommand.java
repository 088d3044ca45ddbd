package dev.vad.cli;

import dev.vad.broker.BrokerOptions;
import dev.vad.broker.EmbeddedKafkaBroker;
import dev.vad.common.config.ConfigException;
import dev.vad.common.config.ConfigProblem;
import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.MetricsSettings;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.config.TopicSettings;
import dev.vad.common.kafka.TopicProvisioner;
import dev.vad.common.kafka.TopicSpec;
import dev.vad.ingest.IngestService;
import dev.vad.ingest.IngestSettings;
import dev.vad.ingest.StreamPlan;
import dev.vad.ingest.StreamResult;
import dev.vad.ingest.source.SourceKind;
import dev.vad.ingest.source.SyntheticSource;
import dev.vad.ingest.synthetic.InjectedAnomaly;
import dev.vad.ingest.synthetic.SyntheticScene;
import dev.vad.scorer.ScorerService;
import dev.vad.scorer.ScorerSettings;
import dev.vad.scorer.evidence.EvidenceSettings;
import dev.vad.scorer.evidence.EvidenceStore;
import dev.vad.scorer.viewer.LiveViewer;
import dev.vad.scorer.viewer.ViewerSettings;
import dev.vad.trainer.ProgressLine;
import dev.vad.trainer.TrainerOutcome;
import dev.vad.trainer.TrainerService;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vad demo}: the whole pipeline on one machine. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline on this machine.",
            "Starts an embedded Kafka broker (unless --bootstrap-servers is given), ingest, a trainer that learns",
            "from the first windows then freezes, the scorer with its live viewer (http://127.0.0.1:9404/) and the",
            "metrics endpoints; prints a line per stream",
            "every second, and at the end what it detected against what the synthetic scene injected."})
final class DemoCommand implements Callable<Integer>, Configured {

    @Spec
    CommandSpec spec;

    @Override
    public List<SettingGroup> settingGroups() {
        return List.of(DemoPlan.SETTINGS, ViewerSettings.SETTINGS, EvidenceSettings.SETTINGS, KafkaSettings.SETTINGS,
                TopicSettings.SETTINGS);
    }

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> given = Flags.given(spec);
        ConfigReader demo = new ConfigReader(given, System.getenv());
        Duration limit = DemoPlan.DURATION.from(demo);
        int portBase = DemoPlan.METRICS_PORT_BASE.from(demo);
        boolean embedded = given.get("bootstrap-servers") == null
                && KafkaSettings.load(new ConfigReader(Map.of(), System.getenv()), List.of(), false)
                .bootstrapServers() == null;
        DemoPlan checked = DemoPlan.of(given, embedded ? "127.0.0.1:9092" : null, portBase, kafka.properties);
        List<ConfigProblem> problems = new ArrayList<>(demo.problems());
        checked.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }

        PrintWriter out = spec.commandLine().getOut();
        try (EmbeddedKafkaBroker broker = embedded ? EmbeddedKafkaBroker.start(BrokerOptions.ephemeral()) : null) {
            DemoPlan plan = checked;
            if (broker != null) {
                out.println("embedded Kafka broker at " + broker.bootstrapServers());
                plan = DemoPlan.of(given, broker.bootstrapServers(), portBase, kafka.properties);
            }
            return run(plan, limit, out);
        }
    }

    private int run(DemoPlan plan, Duration limit, PrintWriter out) throws InterruptedException {
        ExecutorService threads = Executors.newCachedThreadPool();
        CountDownLatch stop = new CountDownLatch(1);
        ScorerSettings scorerSettings = plan.scorer();
        try (ServiceHost ingestHost = host("ingest", plan.ingest().kafka(), plan.ingest().metrics(), out);
             ServiceHost trainerHost = host("trainer", plan.trainer().kafka(), plan.trainer().metrics(), out);
             ServiceHost scorerHost = host("scorer", scorerSettings.kafka(), scorerSettings.metrics(), out)) {
            // The first host closes last: a stopping JVM waits until the demo has ended and reported.
            ingestHost.onShutdown(stop::countDown);
            try (var admin = scorerHost.clients().admin("vad-demo-admin")) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(
                        TopicSpec.pipeline(scorerSettings.topics(), scorerSettings.topicSettings()), true);
            }
            TrainerService trainer = new TrainerService(plan.trainer(), trainerHost.clients(), trainerHost.registry(),
                    Clock.systemUTC(), new ProgressLine(System.out, false));
            EvidenceStore store = ScoreCommand.evidenceStore(scorerSettings);
            try (LiveViewer viewer = ScoreCommand.startViewer(scorerSettings, store, out)) {
                ScorerService scorer = new ScorerService(scorerSettings, scorerHost.clients(), scorerHost.registry(),
                        Clock.systemUTC(), viewer.observer(), store);
                CompletableFuture<TrainerOutcome> training = CompletableFuture.supplyAsync(() -> call(trainer::run),
                        threads);
                CompletableFuture<?> scoring = CompletableFuture.supplyAsync(() -> call(scorer::run), threads);
                try (DemoWatch watch = new DemoWatch(scorerSettings.kafka(), scorerSettings.topics(), out);
                     IngestService ingest = IngestService.start(plan.ingest(), ingestHost.clients(),
                             ingestHost.registry(), Clock.systemUTC(), threads, System.nanoTime())) {
                    CompletableFuture<List<StreamResult>> ingesting = CompletableFuture.supplyAsync(
                            () -> call(ingest::awaitCompletion), threads);
                    long deadline = limit.isZero() ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
                    while (stop.getCount() > 0 && System.nanoTime() < deadline) {
                        watch.poll(Duration.ofMillis(200));
                        if (training.isCompletedExceptionally() || scoring.isDone()) {
                            break;
                        }
                        if (ingesting.isDone() && training.isDone()
                                && watch.windowsScored() >= published(ingesting)) {
                            out.println("the source has ended and every window is scored");
                            break;
                        }
                    }
                    ingest.close();
                    trainer.close();
                    scorer.close();
                    report(plan.ingest(), watch, out);
                    failure(training).ifPresent(e -> out.println("trainer failed: " + e));
                    failure(scoring).ifPresent(e -> out.println("scorer failed: " + e));
                    out.flush();
                    return failure(training).isPresent() || failure(scoring).isPresent() ? 1 : 0;
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** A host for one of the demo's services, its clients carrying records of up to 64 MiB. */
    private static ServiceHost host(String name, KafkaSettings kafka, MetricsSettings metrics, PrintWriter out) {
        ServiceHost host = ServiceHost.open(name, kafka, 64 << 20, metrics);
        host.announceMetrics(out, name + " ");
        return host;
    }

    private static void report(IngestSettings ingest, DemoWatch watch, PrintWriter out) {
        out.println("scored " + watch.windowsScored() + " windows; " + watch.events().size() + " event records");
        for (StreamPlan plan : ingest.streams()) {
            if (plan.source().kind() == SourceKind.SYNTHETIC) {
                SyntheticScene scene = new SyntheticScene(SyntheticSource.settings(plan.source(), ingest.geometry()));
                List<InjectedAnomaly> injected = scene.anomaliesBetween(0, watch.lastFrame() + 1);
                DetectionReport.of(injected, watch.events().stream()
                        .filter(e -> e.streamId().equals(plan.streamId())).toList(), watch.lastFrame())
                        .lines().forEach(line -> out.println(plan.streamId() + ": " + line));
            }
        }
    }

    private static long published(CompletableFuture<List<StreamResult>> ingesting) {
        return ingesting.join().stream().mapToLong(StreamResult::windowsPublished).sum();
    }

    private static Optional<String> failure(CompletableFuture<?> future) {
        if (!future.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            future.join();
            return Optional.empty();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Optional.of(String.valueOf(cause.getMessage()));
        }
    }

    /** Runs a service body, turning its checked interruption into an unchecked failure of the future. */
    private static <T> T call(Interruptible<T> body) {
        try {
            return body.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @FunctionalInterface
    private interface Interruptible<T> {
        T call() throws InterruptedException;
    }
}
