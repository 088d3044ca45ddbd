package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command-line contract of the design: subcommands, help, exit codes. */
class CommandLineContractTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsEverySubcommandOfTheDesign() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("demo", "broker", "ingest", "train", "score", "notify", "replay", "eval",
                "bench", "acls");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "broker", "ingest", "train", "score", "notify", "replay", "eval", "bench", "acls"})
    void everySubcommandHasHelp(String command) {
        assertThat(run(command, "--help")).isZero();

        assertThat(out.toString()).startsWith("Usage: vad " + command);
    }

    @Test
    void scoringReplayAndDemoOptionsComeFromTheirSettingDeclarations() {
        assertThat(run("score", "--help")).isZero();
        assertThat(out.toString()).contains("--model=NAME", "--without-model=wait|skip", "--low-mark=Z",
                "--score-scale=log|linear", "--viewer-port=PORT", "--evidence-max-bytes=SIZE");
        out.getBuffer().setLength(0);

        assertThat(run("replay", "--help")).isZero();
        assertThat(out.toString()).contains("--model=KIND|NAME@VERSION", "--output-suffix=SUFFIX", "--threshold=Z",
                "--model-name=NAME").doesNotContain("--viewer-port", "--evidence-dir", "--without-model");
        out.getBuffer().setLength(0);

        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--viewer-port=PORT", "--evidence-dir=DIR").doesNotContain("--threshold");
    }

    @Test
    void anUnknownCommandExitsTwoWithAUsageLine() {
        assertThat(run("frobnicate")).isEqualTo(2);

        assertThat(err.toString()).contains("Unmatched argument at index 0: 'frobnicate'", "Usage: vad");
    }

    @Test
    void anUnknownFlagExitsTwoWithAUsageLine() {
        assertThat(run("broker", "--no-such-flag")).isEqualTo(2);

        assertThat(err.toString()).contains("Unknown option: '--no-such-flag'", "Usage: vad broker");
    }

    @Test
    void noCommandAtAllPrintsUsageAndExitsTwo() {
        assertThat(run()).isEqualTo(2);

        assertThat(err.toString()).contains("Usage: vad");
    }

    @Test
    void badConfigurationExitsTwoListingEveryProblem() {
        assertThat(run("broker", "--port", "abc", "--controller-port", "-5", "--topic-frames", "bad name")).isEqualTo(2);

        assertThat(err.toString()).startsWith("vad broker: 3 configuration problems:")
                .contains("--port / VAD_PORT: expected an integer from 0 to 65535, found 'abc' (flag)")
                .contains("--controller-port / VAD_CONTROLLER_PORT")
                .contains("--topic-frames / VAD_TOPIC_FRAMES");
    }

    @Test
    void evalOnAFolderThatIsNoDatasetSaysWhatItLacksInOneLineAndExitsOne() {
        assertThat(run("eval", "--dataset", "ucsd-ped2", "--path", "no-such-dataset")).isEqualTo(1);

        assertThat(err.toString().strip()).isEqualTo("vad eval: no-such-dataset holds neither training/frames +"
                + " testing/frames + testing/frame_labels.csv nor the official Train/ + Test/ + UCSDped2.m layout");
    }

    @Test
    void evalListsEveryConfigurationProblem() {
        assertThat(run("eval", "--dataset", "ucsd-ped2", "--path", "x", "--model", "conv9d", "--steps", "0"))
                .isEqualTo(2);

        assertThat(err.toString()).startsWith("vad eval: 2 configuration problems:").contains("--model", "--steps");
    }

    @Test
    void serviceCommandsListEveryConfigurationProblem() {
        assertThat(run("score", "--threshold", "-1", "--reconstruction-every", "x", "--model", "a b")).isEqualTo(2);
        assertThat(err.toString()).startsWith("vad score: 4 configuration problems:")
                .contains("--threshold / VAD_THRESHOLD").contains("--reconstruction-every / VAD_RECONSTRUCTION_EVERY")
                .contains("--model / VAD_MODEL").contains("--bootstrap-servers");
        err.getBuffer().setLength(0);

        assertThat(run("replay", "--rescore", "--from", "earliest", "--model", "conv3d",
                "--bootstrap-servers", "k:9092")).isEqualTo(2);
        assertThat(err.toString()).contains("NAME@VERSION: re-scoring names the version it uses");
        err.getBuffer().setLength(0);

        assertThat(run("train", "--model", "conv9d", "--mode", "sometimes", "--bootstrap-servers", "k:9092"))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("vad train: 2 configuration problems:")
                .contains("conv1d, conv2d, conv3d").contains("continual, fit-then-freeze, replay");
    }

    @Test
    void aclsListsEveryConfigurationProblem() {
        assertThat(run("acls", "--apply", "--ingest-principal", "ingest", "--topic-scores", "bad name",
                "--output-suffix", "a/b", "--format", "yaml")).isEqualTo(2);

        assertThat(err.toString()).startsWith("vad acls: 5 configuration problems:")
                .contains("--ingest-principal / VAD_INGEST_PRINCIPAL: expected a Kafka principal TYPE:NAME")
                .contains("--topic-scores / VAD_TOPIC_SCORES").contains("--output-suffix / VAD_OUTPUT_SUFFIX")
                .contains("--format / VAD_FORMAT").contains("--bootstrap-servers");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aclsPrintsKafkaAclsLinesForTheServicesOnTheTopicsAndGroupsNamed() {
        assertThat(run("acls", "--scorer-principal", "User:s1", "--topic-scores", "cam.scores", "--scorer-group-id",
                "live", "--bootstrap-servers", "k:9093")).isZero();

        assertThat(out.toString()).contains("# ingest as User:ingest\n", "# trainer as User:trainer\n",
                "kafka-acls.sh --bootstrap-server k:9093 --command-config admin.properties --add --allow-principal"
                        + " User:s1 --operation Write --operation Create --topic cam.scores\n",
                "--allow-principal User:s1 --operation Read --group live\n").doesNotContain("replay", "eval");
    }
}
