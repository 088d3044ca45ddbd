package dev.vad.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.FrameScore;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.common.wire.ScoreState;
import dev.vad.common.wire.TimestampKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneStreamScoringTest {

    private final List<FrameWindow> seen = new ArrayList<>();

    @Test
    void theClipsWindowsContinueOneStreamAfterAOneFrameGapAndTheirScoresComeBackAsTheClipsFrames() {
        OneStreamScoring scoring = new OneStreamScoring(this::scoreByStreamFrame);

        ClipScores first = scoring.next(clip("01", 6), windows("01", 6));
        ClipScores second = scoring.next(clip("02", 4), windows("02", 4));

        assertThat(seen).extracting(FrameWindow::streamId).containsOnly(OneStreamScoring.STREAM_ID);
        assertThat(seen).extracting(FrameWindow::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(seen.get(3).frameIndices()).as("frame 6 is skipped: a gap between clips").containsExactly(7, 8);
        assertThat(seen.get(3).captureTimesMicros()).containsExactly(700_000, 800_000);
        assertThat(first.online()).containsExactly(0, 10, 20, 30, 40, 50);
        assertThat(second.online()).as("stream frames 7-10 are the second clip's 0-3").containsExactly(70, 80, 90, 100);
    }

    /** A scorer whose calibrated score of a frame is ten times its frame index in the stream. */
    private List<ScoreRecord> scoreByStreamFrame(List<FrameWindow> windows) {
        seen.addAll(windows);
        List<ScoreRecord> records = new ArrayList<>();
        for (FrameWindow w : windows) {
            List<FrameScore> frames = Arrays.stream(w.frameIndices()).mapToObj(f -> new FrameScore(f, 0, 0, 0, 0,
                    10.0 * f)).toList();
            records.add(new ScoreRecord(ScoreRecord.SCHEMA_VERSION, w.streamId(), w.sequence(), "m", 1,
                    w.timestampKind(), frames, 0, 0, 4, ScoreState.NORMAL, 0));
        }
        return records;
    }

    private static Clip clip(String name, int frames) {
        return new Clip(name, Path.of(name), Collections.nCopies(frames, Path.of("f.jpg")),
                Collections.nCopies(frames, false));
    }

    /** Windows of two frames every two, frame indices and capture times the clip's own (10 fps). */
    private static List<FrameWindow> windows(String clip, int frames) {
        List<FrameWindow> windows = new ArrayList<>();
        for (int at = 0; at < frames; at += 2) {
            windows.add(new FrameWindow(clip, at / 2, new long[] {at, at + 1},
                    new long[] {at * 100_000L, (at + 1) * 100_000L}, TimestampKind.STREAM_TIME, 0, at + 2 >= frames,
                    1, 1, PixelFormat.GRAY8, new byte[2]));
        }
        return windows;
    }
}
