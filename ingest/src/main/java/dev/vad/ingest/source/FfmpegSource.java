package dev.vad.ingest.source;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Frames decoded by FFmpeg: video files, image folders, network streams and V4L2 cameras. Scaling and colour
 * conversion happen inside FFmpeg (swscale, or a filter graph for letterbox and crop).
 */
public final class FfmpegSource implements FrameSource {

    private static final Pattern FFMPEG_ERROR = Pattern.compile("(\\w+)\\(\\) error (-?\\d+)");

    private final SourceUri uri;
    private final FrameGeometry geometry;
    private final FfmpegOptions options;
    private final Clock clock;
    private final byte[] pixels;
    private FFmpegFrameGrabber grabber;
    private FFmpegFrameFilter filter;
    private CaptureTimes captureTimes;
    private boolean stalled;

    /**
     * @param clock stamps frames of live sources (wall clock)
     */
    public FfmpegSource(SourceUri uri, FrameGeometry geometry, FfmpegOptions options, Clock clock) {
        this.uri = uri;
        this.geometry = geometry;
        this.options = options;
        this.clock = clock;
        this.pixels = new byte[geometry.frameBytes()];
    }

    @Override
    public void open() throws SourceException {
        checkExists(uri);
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(location(uri));
        options.applyTo(g, uri.kind());
        if (geometry.aspect() == AspectPolicy.STRETCH) {
            g.setImageWidth(geometry.width());
            g.setImageHeight(geometry.height());
            g.setPixelFormat(ffmpegPixelFormat());
        }
        long openedMicros = clock.millis() * 1000L;
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(g);
            throw new SourceException("cannot open " + uri.shown() + ": " + oneLine(e), e);
        }
        grabber = g;
        captureTimes = new CaptureTimes(openedMicros);
        stalled = false;
        if (geometry.aspect() != AspectPolicy.STRETCH) {
            startFilter();
        }
    }

    /**
     * The next frame; null at the end of a file, or once a network stream dropped or stalled. When a network read
     * times out, FFmpeg still hands over the frames its parser and decoder hold, but JavaCV reads the network again,
     * waiting the whole io-timeout, before each of them. So a frame that took longer than the io-timeout to come is
     * the stream's last: the stall is reported after one timeout, not several.
     */
    @Override
    public DecodedFrame next() throws SourceException {
        if (stalled) {
            return null;
        }
        long askedMillis = clock.millis();
        try {
            Frame frame = grabber.grabImage();
            if (frame == null) {
                return null;
            }
            if (filter != null) {
                filter.push(frame);
                frame = filter.pullImage();
                if (frame == null) {
                    return next();
                }
            }
            copyPixels(frame);
            stalled = networked() && clock.millis() - askedMillis > options.ioTimeout().toMillis();
            long timestamp = timestamp();
            return new DecodedFrame(pixels, timestamp, position(timestamp));
        } catch (FrameGrabber.Exception | FrameFilter.Exception | RuntimeException e) {
            throw new SourceException("cannot decode " + uri.shown() + ": " + oneLine(e), e);
        }
    }

    @Override
    public double frameRate() {
        if (uri.kind() == SourceKind.FOLDER) {
            return options.folderFps();
        }
        double rate = grabber == null ? 0 : grabber.getFrameRate();
        return rate > 0 && rate < 1000 ? rate : options.folderFps();
    }

    @Override
    public void close() {
        if (filter != null) {
            try {
                filter.close();
            } catch (FrameFilter.Exception e) {
                // closing a filter graph frees native memory; nothing to recover
            }
            filter = null;
        }
        release(grabber);
        grabber = null;
    }

    /**
     * Stream time for files and folders; for live sources the wall clock, from the stream's own timestamps for RTSP
     * (RTP timestamps are capture times; frames read while FFmpeg probed the stream arrive in a burst) and at
     * decoding for the others (HTTP multipart JPEG carries no timestamps).
     */
    private long timestamp() {
        return switch (uri.kind()) {
            case FILE -> grabber.getTimestamp();
            case FOLDER -> grabber.getTimestamp();
            case RTSP -> captureTimes.stamp(grabber.getTimestamp(), clock.millis() * 1000L);
            default -> clock.millis() * 1000L;
        };
    }

    /** Sources read with the io-timeout. */
    private boolean networked() {
        return switch (uri.kind()) {
            case HTTP, TCP, UDP, RTSP -> true;
            default -> false;
        };
    }

    /** An image's place in its folder, from its timestamp (so a skipped corrupt image leaves a gap); -1 otherwise. */
    private long position(long timestamp) {
        return uri.kind() == SourceKind.FOLDER ? Math.round(timestamp * options.folderFps() / 1_000_000.0) : -1;
    }

    /** What FFmpeg opens for a source: its location, or the glob pattern of a folder's images. */
    static String location(SourceUri uri) throws SourceException {
        if (uri.kind() != SourceKind.FOLDER) {
            return uri.location();
        }
        return FolderPattern.of(Path.of(uri.location())).ffmpegPattern();
    }

    /** Fails with a clear message, before FFmpeg tries, when a file, folder or camera device is not there. */
    static void checkExists(SourceUri uri) throws SourceException {
        switch (uri.kind()) {
            case FILE -> {
                Path path = Path.of(uri.location());
                if (!Files.exists(path)) {
                    throw new SourceException("cannot open " + uri.shown() + ": no such file or folder");
                }
                if (!Files.isReadable(path)) {
                    throw new SourceException("cannot open " + uri.shown() + ": not readable (check permissions)");
                }
            }
            case V4L2 -> {
                if (!Files.exists(Path.of(uri.location()))) {
                    throw new SourceException("cannot open camera " + uri.location()
                            + ": no such device (is the camera connected? ls /dev/video*)");
                }
            }
            default -> {
            }
        }
    }

    private void startFilter() throws SourceException {
        int w = geometry.width();
        int h = geometry.height();
        String fit = geometry.aspect() == AspectPolicy.LETTERBOX
                ? "scale=" + w + ":" + h + ":force_original_aspect_ratio=decrease,pad=" + w + ":" + h
                        + ":(ow-iw)/2:(oh-ih)/2"
                : "scale=" + w + ":" + h + ":force_original_aspect_ratio=increase,crop=" + w + ":" + h;
        String format = geometry.pixelFormat().channels() == 1 ? "gray" : "rgb24";
        filter = new FFmpegFrameFilter(fit + ",format=" + format, grabber.getImageWidth(), grabber.getImageHeight());
        filter.setPixelFormat(grabber.getPixelFormat());
        try {
            filter.start();
        } catch (FrameFilter.Exception e) {
            close();
            throw new SourceException("cannot scale " + uri.shown() + " with " + geometry.aspect().name()
                    .toLowerCase(Locale.ROOT) + ": " + oneLine(e), e);
        }
    }

    private void copyPixels(Frame frame) throws SourceException {
        if (frame.imageWidth != geometry.width() || frame.imageHeight != geometry.height()) {
            throw new SourceException("decoder of " + uri.shown() + " returned " + frame.imageWidth + "x"
                    + frame.imageHeight + " instead of " + geometry.width() + "x" + geometry.height());
        }
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        int rowBytes = geometry.width() * geometry.pixelFormat().channels();
        for (int y = 0; y < geometry.height(); y++) {
            buffer.get(y * frame.imageStride, pixels, y * rowBytes, rowBytes);
        }
    }

    private int ffmpegPixelFormat() {
        return geometry.pixelFormat().channels() == 1 ? avutil.AV_PIX_FMT_GRAY8 : avutil.AV_PIX_FMT_RGB24;
    }

    private static void release(FFmpegFrameGrabber g) {
        if (g == null) {
            return;
        }
        try {
            g.close();
        } catch (FrameGrabber.Exception e) {
            // the grabber is being discarded; its native memory is freed either way
        }
    }

    /**
     * The cause in one line, secrets redacted. An FFmpeg failure ({@code avformat_open_input() error -111: Could not
     * open input ... (Has setFormat() been called?) ...}) becomes FFmpeg's own words for the code: {@code Connection
     * refused (FFmpeg error -111 in avformat_open_input)}.
     */
    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher ffmpeg = FFMPEG_ERROR.matcher(message);
        if (ffmpeg.find()) {
            int code = Integer.parseInt(ffmpeg.group(2));
            message = describe(code) + " (FFmpeg error " + code + " in " + ffmpeg.group(1) + ")";
        }
        return SourceUri.redact(message.replaceAll("\\s+", " ").trim());
    }

    private static String describe(int code) {
        try (BytePointer text = new BytePointer(256)) {
            if (avutil.av_strerror(code, text, 256) != 0) {
                return "unknown FFmpeg error";
            }
            String written = text.getString();
            int end = written.indexOf('\0');
            return end >= 0 ? written.substring(0, end) : written;
        }
    }
}
