package dev.vad.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledDatasetsTest {

    @TempDir
    Path root;

    @Test
    void theFramesLayoutWithItsLabelFile() throws IOException {
        frames("training/frames/01", 3, "jpg");
        frames("training/frames/02", 2, "jpg");
        frames("testing/frames/01", 4, "jpg");
        Files.writeString(root.resolve("testing/frame_labels.csv"), "clip,frame_index0,file,label\n"
                + "01,0,testing/frames/01/000.jpg,0\n01,1,testing/frames/01/001.jpg,1\n"
                + "01,2,testing/frames/01/002.jpg,1\n01,3,testing/frames/01/003.jpg,0\n");

        LabelledDataset data = LabelledDatasets.read("ucsd-ped2", root);

        assertThat(data.layout()).isEqualTo("frames");
        assertThat(data.training()).extracting(Clip::name).containsExactly("01", "02");
        assertThat(data.training().get(0).frames()).hasSize(3);
        assertThat(data.testing().get(0).labels()).containsExactly(false, true, true, false);
        assertThat(data.limit(1, 1).training()).hasSize(1);
    }

    @Test
    void theOfficialLayoutWithItsGroundTruthScript() throws IOException {
        frames("Train/Train001", 3, "tif");
        frames("Test/Test001", 5, "tif");
        frames("Test/Test001_gt", 5, "bmp");
        frames("Test/Test002", 4, "tif");
        Files.writeString(root.resolve("UCSDped2.m"), "TestVideoFile = {};\n"
                + "TestVideoFile{end+1}.gt_frame = [2:3];\nTestVideoFile{end+1}.gt_frame = [1:1, 4:9];\n");

        LabelledDataset data = LabelledDatasets.read("ucsd-ped2", root);

        assertThat(data.layout()).isEqualTo("official");
        assertThat(data.testing()).extracting(Clip::name).containsExactly("Test001", "Test002");
        assertThat(data.testing().get(0).labels()).containsExactly(false, true, true, false, false);
        assertThat(data.testing().get(1).labels()).containsExactly(true, false, false, true);
    }

    @Test
    void aFolderOfNeitherLayoutOrAnUnknownNameIsRefusedClearly() throws IOException {
        frames("testing/frames/01", 2, "jpg");
        frames("training/frames/01", 2, "jpg");

        assertThatThrownBy(() -> LabelledDatasets.read("ucsd-ped2", root.resolve("nothing")))
                .hasMessageContaining("holds neither training/frames");
        assertThatThrownBy(() -> LabelledDatasets.read("ucsd-ped2", root))
                .hasMessageContaining("testing/frame_labels.csv is missing");
        assertThatThrownBy(() -> LabelledDatasets.read("avenue", root))
                .hasMessage("unknown dataset avenue; known: ucsd-ped2");
    }

    @Test
    void labelsThatDoNotCoverAClipAreRefused() throws IOException {
        frames("training/frames/01", 2, "jpg");
        frames("testing/frames/01", 3, "jpg");
        Files.writeString(root.resolve("testing/frame_labels.csv"), "clip,frame_index0,file,label\n"
                + "01,0,a,0\n01,1,b,1\n");

        assertThatThrownBy(() -> LabelledDatasets.read("ucsd-ped2", root))
                .hasMessageContaining("labels 2 frames of clip 01, which has 3");
    }

    private void frames(String folder, int count, String extension) throws IOException {
        Path dir = Files.createDirectories(root.resolve(folder));
        for (int i = 0; i < count; i++) {
            Files.write(dir.resolve(String.format("%03d.%s", i, extension)), new byte[] {1});
        }
    }
}
