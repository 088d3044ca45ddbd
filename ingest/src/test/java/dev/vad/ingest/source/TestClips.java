package dev.vad.ingest.source;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Real media written for tests: a video whose frame n shows a white 16x16 square at x = 4n on a dark background,
 * and image folders of the same frames.
 */
public final class TestClips {

    public static final int SIZE = 64;
    public static final int SQUARE = 16;

    private TestClips() {
    }

    /** Grey level of the background and the square. */
    public static final int DARK = 30;
    public static final int BRIGHT = 230;

    /** Encodes {@code frames} frames at {@code fps} into a file whose container follows its extension. */
    public static Path video(Path file, int frames, double fps) throws IOException {
        String name = file.getFileName().toString();
        String format = name.substring(name.lastIndexOf('.') + 1);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(), SIZE, SIZE)) {
            recorder.setVideoCodec(format.equals("ts") ? avcodec.AV_CODEC_ID_MPEG2VIDEO : avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFormat(format.equals("ts") ? "mpegts" : format);
            recorder.setFrameRate(fps);
            recorder.setGopSize(10);
            recorder.setVideoQuality(1);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.start();
            for (int n = 0; n < frames; n++) {
                recorder.record(frame(n), avutil.AV_PIX_FMT_GRAY8);
            }
        }
        return file;
    }

    /** Writes frame n as {@code <n formatted>.<ext>} into {@code folder}, e.g. "%03d" and "jpg". */
    public static Path folder(Path folder, int frames, String nameFormat, String extension) throws IOException {
        Files.createDirectories(folder);
        for (int n = 0; n < frames; n++) {
            ImageIO.write(image(n, SIZE, SIZE), extension.equals("jpg") ? "jpeg" : extension,
                    folder.resolve(String.format(nameFormat, n) + "." + extension).toFile());
        }
        return folder;
    }

    public static BufferedImage image(int n, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, inSquare(n, x * SIZE / width, y * SIZE / height) ? BRIGHT : DARK);
            }
        }
        return image;
    }

    /** Whether pixel (x, y) of a SIZE x SIZE frame n lies in the square. */
    public static boolean inSquare(int n, int x, int y) {
        int left = (4 * n) % (SIZE - SQUARE);
        return x >= left && x < left + SQUARE && y >= 24 && y < 24 + SQUARE;
    }

    private static Frame frame(int n) {
        Frame frame = new Frame(SIZE, SIZE, Frame.DEPTH_UBYTE, 1);
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                pixels.put(y * frame.imageStride + x, (byte) (inSquare(n, x, y) ? BRIGHT : DARK));
            }
        }
        return frame;
    }
}
