package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * JavaCV (FFmpeg) and ND4J load their natives through one JavaCPP; the parent pom pins the versions that let both
 * work in one JVM. This test decodes a real video frame with FFmpeg and convolves it with ND4J.
 */
class NativeLibrariesShareOneJvmTest {

    private static final int SIZE = 32;

    @Test
    void aFrameDecodedByFfmpegIsConvolvedByNd4j(@TempDir Path dir) throws Exception {
        Path video = dir.resolve("gradient.mp4");
        writeGradientVideo(video);

        byte[] grey = decodeFirstFrameAsGrey(video);
        INDArray image = Nd4j.create(DataType.FLOAT, 1, 1, SIZE, SIZE);
        for (int i = 0; i < grey.length; i++) {
            image.putScalar(new long[] {0, 0, i / SIZE, i % SIZE}, (grey[i] & 0xff) / 255f);
        }
        INDArray ones = Nd4j.ones(DataType.FLOAT, 3, 3, 1, 1);
        INDArray summed = Nd4j.cnn().conv2d(image, ones, Conv2DConfig.builder().kH(3).kW(3).build());

        assertThat(summed.shape()).containsExactly(1, 1, SIZE - 2, SIZE - 2);
        float expected = image.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(10, 13),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(5, 8)).sumNumber().floatValue();
        assertThat(summed.getFloat(0, 0, 10, 5)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(grey[SIZE * (SIZE / 2) + SIZE - 4] & 0xff).as("the decoded gradient rises left to right")
                .isGreaterThan((grey[SIZE * (SIZE / 2) + 3] & 0xff) + 100);
    }

    private static void writeGradientVideo(Path file) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(), 64, 64)) {
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFormat("mp4");
            recorder.setFrameRate(10);
            recorder.setVideoQuality(1);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.start();
            for (int n = 0; n < 5; n++) {
                Frame frame = new Frame(64, 64, Frame.DEPTH_UBYTE, 3);
                ByteBuffer pixels = (ByteBuffer) frame.image[0];
                for (int y = 0; y < 64; y++) {
                    for (int x = 0; x < 64; x++) {
                        int value = x * 4;
                        int at = y * frame.imageStride + x * 3;
                        pixels.put(at, (byte) value).put(at + 1, (byte) value).put(at + 2, (byte) value);
                    }
                }
                recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
            }
        }
    }

    private static byte[] decodeFirstFrameAsGrey(Path file) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setImageWidth(SIZE);
            grabber.setImageHeight(SIZE);
            grabber.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
            grabber.start();
            Frame frame = grabber.grabImage();
            ByteBuffer pixels = (ByteBuffer) frame.image[0];
            byte[] grey = new byte[SIZE * SIZE];
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    grey[y * SIZE + x] = pixels.get(y * frame.imageStride + x);
                }
            }
            return grey;
        }
    }
}
