package dev.vad.ingest.cameras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.kafka.CameraRegistry;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.wire.Camera;
import dev.vad.common.wire.CameraColour;
import dev.vad.common.wire.DeadLetter;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.JsonCodec;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.ingest.IngestService;
import dev.vad.ingest.IngestSettings;
import dev.vad.ingest.LiveServer;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.PartitionedKeys;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.TopicContents;
import dev.vad.testkit.UniqueNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ingest following the camera registry on a real broker (issue 24): cameras added, changed, disabled and removed
 * while it runs; bad records dead-lettered once; two instances sharing the cameras, one taking over the other's.
 */
@ExtendWith(RealKafka.class)
class CameraFollowingIT {

    private static final int PARTITIONS = 3;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);
    private final String frames = UniqueNames.of("frames");
    private final String cameras = UniqueNames.of("cameras");
    private final String deadLetters = UniqueNames.of("dlq");
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        executor.shutdownNow();
    }

    /** One ingest instance following the registry in the test's group. */
    private record Instance(IngestService service, CameraFollower follower, Future<?> run) {
    }

    private Instance instance(KafkaBackend kafka) {
        return instance(kafka, Map.of());
    }

    private Instance instance(KafkaBackend kafka, Map<String, String> extra) {
        Map<String, String> flags = new java.util.HashMap<>(Map.of("bootstrap-servers", kafka.bootstrapServers(),
                "topic-frames", frames, "topic-cameras", cameras, "topic-dlq", deadLetters,
                "topic-partitions", Integer.toString(PARTITIONS), "follow-cameras", "true", "realtime", "true",
                "group-id", "ingest-" + frames));
        flags.putAll(extra);
        ConfigReader config = new ConfigReader(flags, Map.of());
        IngestSettings settings = IngestSettings.load(config, List.of(), List.of(), List.of(), true);
        config.validate();
        KafkaClients clients = new KafkaClients(settings.kafka(), registry, 16 << 20);
        IngestService service = IngestService.start(settings, clients, registry, Clock.systemUTC(), executor, 7);
        CameraFollower follower = CameraFollower.open(settings, clients, service, registry, Clock.systemUTC());
        Future<?> run = executor.submit(() -> {
            follower.run();
            return null;
        });
        open.add(service);
        open.add(follower);
        return new Instance(service, follower, run);
    }

    /** Writes the registry as {@code vad camera} does. */
    private CameraRegistry registryWriter(KafkaBackend kafka) {
        KafkaSettings settings = KafkaSettings.load(new ConfigReader(Map.of("bootstrap-servers",
                kafka.bootstrapServers()), Map.of()), List.of(), true);
        CameraRegistry writer = new CameraRegistry(new KafkaClients(settings, registry, 1 << 20), cameras, "test");
        open.add(writer);
        return writer;
    }

    private static Camera camera(String id, int seed, int width, CameraColour colour, Double fps, int window,
                                 boolean enabled) {
        return new Camera(Camera.SCHEMA_VERSION, id, "synthetic:?seed=" + seed + "&fps=20", width, 32, colour, fps,
                window, null, null, List.of(), enabled);
    }

    private List<FrameWindow> windows(KafkaBackend kafka, String cameraId) {
        return TopicContents.read(kafka.bootstrapServers(), frames).stream()
                .filter(r -> cameraId.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .map(r -> serdes.frameWindowDeserializer().deserialize(frames, r.value())).toList();
    }

    private List<DeadLetter> letters(KafkaBackend kafka) {
        return TopicContents.read(kafka.bootstrapServers(), deadLetters).stream()
                .map(r -> serdes.deadLetterDeserializer().deserialize(deadLetters, r.value())).toList();
    }

    @Test
    void camerasStartChangeAndStopWithTheRegistryAndBadRecordsAreDeadLetteredOnce(KafkaBackend kafka)
            throws Exception {
        Instance ingest = instance(kafka);
        CameraRegistry cameraRegistry = registryWriter(kafka);
        Duration ack = Duration.ofSeconds(30);
        cameraRegistry.put(camera("north", 1, 32, CameraColour.GREY, null, 4, true), ack);
        cameraRegistry.put(camera("south", 2, 48, CameraColour.GREY, null, 4, true), ack);
        cameraRegistry.put(camera("east", 3, 32, CameraColour.RGB, 5.0, 2, true), ack);
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(cameras, "broken", "{not json".getBytes(StandardCharsets.UTF_8))).get();
            raw.send(new ProducerRecord<>(cameras, "tiny", JsonCodec.cameras(WireLimits.DEFAULT).encode(
                    camera("tiny", 4, 4, CameraColour.GREY, null, 4, true)))).get();
        }

        await().atMost(WAIT).until(() -> windows(kafka, "north").size() >= 3 && windows(kafka, "south").size() >= 3
                && windows(kafka, "east").size() >= 3);
        assertThat(windows(kafka, "south").get(0)).satisfies(w -> {
            assertThat(w.width()).isEqualTo(48);
            assertThat(w.frameCount()).isEqualTo(4);
            assertThat(w.pixelFormat()).isEqualTo(PixelFormat.GRAY8);
        });
        assertThat(windows(kafka, "east").get(0)).satisfies(w -> {
            assertThat(w.pixelFormat()).isEqualTo(PixelFormat.RGB24);
            assertThat(w.frameCount()).isEqualTo(2);
            assertThat(w.captureTimesMicros()[1] - w.captureTimesMicros()[0]).isBetween(150_000L, 250_000L);
        });
        assertThat(ingest.follower().cameras()).containsExactly("east", "north", "south");
        await().atMost(WAIT).until(() -> letters(kafka).size() == 2);
        assertThat(letters(kafka)).allSatisfy(letter -> {
            assertThat(letter.reason()).isEqualTo(CameraFollower.REASON);
            assertThat(letter.service()).isEqualTo("ingest");
        }).extracting(letter -> new String(letter.key(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("broken", "tiny");

        cameraRegistry.put(camera("south", 2, 64, CameraColour.GREY, null, 4, true), ack);
        cameraRegistry.put(camera("north", 1, 32, CameraColour.GREY, null, 4, false), ack);
        cameraRegistry.remove("east", ack);
        await().atMost(WAIT).until(() -> windows(kafka, "south").stream().anyMatch(w -> w.width() == 64));
        await().atMost(WAIT).until(() -> ingest.follower().cameras().equals(List.of("south")));
        int north = windows(kafka, "north").size();
        int east = windows(kafka, "east").size();
        int south = windows(kafka, "south").size();
        await().atMost(WAIT).until(() -> windows(kafka, "south").size() >= south + 5);
        assertThat(windows(kafka, "north")).hasSize(north);
        assertThat(windows(kafka, "east")).hasSize(east);

        Instance second = instance(kafka);
        await().atMost(WAIT).until(() -> second.follower().cameras().size() + ingest.follower().cameras().size() == 1
                && !second.run().isDone());
        assertThat(letters(kafka)).hasSize(2);
    }

    @Test
    void twoInstancesShareTheCamerasAndOneTakesOverTheOthersWhenItLeaves(KafkaBackend kafka) throws Exception {
        Instance first = instance(kafka);
        Instance second = instance(kafka);
        CameraRegistry cameraRegistry = registryWriter(kafka);
        List<String> ids = PartitionedKeys.onePerPartition("cam", PARTITIONS);
        for (int i = 0; i < ids.size(); i++) {
            cameraRegistry.put(camera(ids.get(i), i, 32, CameraColour.GREY, null, 4, true), Duration.ofSeconds(30));
        }

        await().atMost(WAIT).until(() -> first.follower().cameras().size() + second.follower().cameras().size()
                == ids.size() && !first.follower().cameras().isEmpty() && !second.follower().cameras().isEmpty());
        assertThat(first.follower().cameras()).isNotEmpty().doesNotContainAnyElementsOf(second.follower().cameras());
        assertThat(second.follower().cameras()).isNotEmpty();
        List<String> moved = second.follower().cameras();

        second.follower().close();
        second.run().get();
        second.service().close();
        Map<String, Integer> before = new java.util.HashMap<>();
        moved.forEach(id -> before.put(id, windows(kafka, id).size()));

        await().atMost(WAIT).until(() -> first.follower().cameras().equals(ids.stream().sorted().toList()));
        await().atMost(WAIT).until(() -> moved.stream().allMatch(id -> windows(kafka, id).size() > before.get(id)));
    }

    @Test
    void aLiveCameraThatCannotBeOpenedIsTriedAgainUntilItComesOnline(KafkaBackend kafka) throws Exception {
        assumeThat(LiveServer.ffmpegInstalled()).as("the ffmpeg command serves the camera").isTrue();
        Instance ingest = instance(kafka, Map.of("connect-attempts", "1", "reconnect-initial", "200ms",
                "reconnect-max", "1s"));
        try (LiveServer camera = LiveServer.httpMpegTs()) {
            registryWriter(kafka).put(new Camera(Camera.SCHEMA_VERSION, "door", camera.url(), 32, 32,
                    CameraColour.GREY, null, 4, null, null, List.of(), true), Duration.ofSeconds(30));
            await().atMost(WAIT).until(() -> ingest.follower().cameras().contains("door")
                    && ingest.service().ended("door"));
            await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> windows(kafka, "door").isEmpty());

            camera.start();

            await().atMost(WAIT).until(() -> windows(kafka, "door").size() >= 3);
        }
    }
}
