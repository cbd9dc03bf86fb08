package org.iclab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iclab.eval.ErrorCurve;
import org.iclab.spec.Experiment;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.task.LinearRegression;
import org.iclab.train.TrainingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PlotsTest {
    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final List<String> LEARNERS = List.of("model", "leastSquares", "nearestNeighbors", "averaging");

    @TempDir
    Path tmp;

    static Experiment experiment() {
        return Experiment.builder("lr-tiny").task(new LinearRegression(5)).prompt(new Interleaved(11))
                .model(Gpt2.preset("tiny")).build();
    }

    /** A curve with a symmetric interval of ±{@code width} (relative), as the bootstrap gives roughly. */
    static ErrorCurve curve(String strategy, String learner, double width, double... error) {
        double[] low = new double[error.length];
        double[] high = new double[error.length];
        for (int k = 0; k < error.length; k++) {
            low[k] = error[k] * (1 - width);
            high[k] = error[k] * (1 + width);
        }
        return new ErrorCurve(strategy, learner, error, low, high);
    }

    /** What a tiny GPT-2 on 5-dimensional linear regression gives: least squares exact from k = dims on. */
    static List<ErrorCurve> curves(String strategy) {
        return List.of(
                curve(strategy, "model", 0.12, 0.92, 0.79, 0.66, 0.52, 0.39, 0.25, 0.21, 0.17, 0.155, 0.14, 0.14),
                curve(strategy, "leastSquares", 0.1, 1.0, 0.8, 0.6, 0.4, 0.2, 0, 0, 0, 0, 0, 0),
                curve(strategy, "nearestNeighbors", 0.1, 1.0, 1.6, 1.25, 1.05, 0.9, 0.8, 0.72, 0.66, 0.61, 0.58, 0.56),
                curve(strategy, "averaging", 0.08, 1.0, 0.98, 0.86, 0.78, 0.72, 0.67, 0.63, 0.6, 0.58, 0.57, 0.555));
    }

    static List<TrainingLog> logs(double... loss) {
        List<TrainingLog> logs = new ArrayList<>();
        for (int i = 0; i < loss.length; i++) {
            logs.add(new TrainingLog(100L * (i + 1), loss[i], 50, 5, 11, i + 1));
        }
        return logs;
    }

    @Test
    void writesAPngAndAnSvgOfEachFigureOneErrorFigurePairPerStrategy() throws IOException {
        List<ErrorCurve> all = new ArrayList<>(curves("standard"));
        all.addAll(curves("scaledX(2)"));
        List<Path> written = Plots.write(tmp, experiment(), logs(5, 2, 0.5, 0.1), all);

        assertThat(written.stream().map(p -> p.getFileName().toString())).containsExactly(
                "error-standard.png", "error-standard.svg", "error-standard-log.png", "error-standard-log.svg",
                "error-scaledX-2.png", "error-scaledX-2.svg", "error-scaledX-2-log.png", "error-scaledX-2-log.svg",
                "loss.png", "loss.svg");
        try (Stream<Path> files = Files.list(tmp)) {
            // nothing else: no temporary files left behind by the atomic writes
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(written.stream().map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (Path p : written) {
            assertThat(p).isRegularFile();
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(1000);
        }
    }

    @Test
    void pngsDecodeAtTwiceTheNominalSize() throws IOException {
        List<Path> written = Plots.write(tmp, experiment(), logs(5, 2, 0.5, 0.1), curves("standard"));
        for (Path p : written.stream().filter(p -> p.toString().endsWith(".png")).toList()) {
            BufferedImage image = ImageIO.read(p.toFile());
            assertThat(image).as(p.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(1920);
            assertThat(image.getHeight()).isEqualTo(1200);
        }
    }

    @Test
    void legendListsEveryLearnerInItsColourModelFirst() throws IOException {
        List<ErrorCurve> modelLast = new ArrayList<>(curves("standard").subList(1, 4));
        modelLast.add(curves("standard").get(0));
        Plots.write(tmp, experiment(), List.of(), modelLast);
        BufferedImage image = ImageIO.read(tmp.resolve("error-standard.png").toFile());
        // The legend sits right of the plot (x >= 1500 of 1920); find each learner's line swatch by its colour.
        List<Integer> rows = new ArrayList<>();
        for (String learner : LEARNERS) {
            int rgb = Charts.COLOURS.get(learner).getRGB();
            int count = 0;
            int firstRow = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 1500; x < image.getWidth(); x++) {
                    if (image.getRGB(x, y) == rgb) {
                        count++;
                        firstRow = firstRow < 0 ? y : firstRow;
                    }
                }
            }
            assertThat(count).as("pixels of %s's colour in the legend", learner).isGreaterThan(100);
            rows.add(firstRow);
        }
        assertThat(rows).as("legend rows of %s", LEARNERS).isSorted();
        assertThat(new Color(image.getRGB(5, 5))).isEqualTo(Color.WHITE);
    }

    @Test
    void svgIsAnSvgDocumentWithTitleLearnersDashedLineAndItsLabel() throws Exception {
        Plots.write(tmp, experiment(), List.of(), curves("standard"));
        String text = Files.readString(tmp.resolve("error-standard.svg"));
        Document svg = parse(tmp.resolve("error-standard.svg"));

        assertThat(svg.getDoctype()).as("no DOCTYPE pointing at w3.org").isNull();
        Element root = svg.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("width")).isEqualTo("960");
        assertThat(root.getAttribute("height")).isEqualTo("600");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 960 600");
        assertThat(only(svg, "title")).isEqualTo("lr-tiny · standard");
        assertThat(only(svg, "desc")).isEqualTo("lr-tiny, standard prompts: mean squared error / d against in-context"
                + " examples k for the learners model, leastSquares, nearestNeighbors, averaging; shaded: 90% bootstrap"
                + " interval; dashed line: k = dims = 5.");
        assertThat(texts(svg)).containsExactly("k = dims = 5", "shaded: 90% bootstrap interval");
        assertThat(attributeValues(svg, "stroke-dasharray")).as("the line at k = dims").contains("7,5");
        for (String learner : LEARNERS) {
            assertThat(text).contains(learner);
        }
    }

    @Test
    void logFigureFloorsLeastSquaresZerosADecadeUnderTheSmallestRealValue() throws Exception {
        Plots.write(tmp, experiment(), List.of(), curves("standard"));
        Document svg = parse(tmp.resolve("error-standard-log.svg"));
        assertThat(only(svg, "title")).isEqualTo("lr-tiny · standard · log scale");
        assertThat(texts(svg)).containsExactly("k = dims = 5",
                "shaded: 90% bootstrap interval · values below 0.01 drawn at 0.01");

        ErrorFigure.Range range = ErrorFigure.logRange(curves("standard"));
        // smallest value other than the zeros: the model's lower bound 0.14 · 0.88 = 0.1232
        assertThat(range.min()).isCloseTo(0.01, within(1e-15));
        assertThat(range.max()).isCloseTo(1.6 * 1.1 * 1.25, within(1e-12));
        assertThat(range.clampedBelow()).isTrue();
        assertThat(range.fit(0)).isEqualTo(range.min());
        assertThat(range.fit(0.5)).isEqualTo(0.5);
    }

    @Test
    void logFloorTreatsRoundingNoiseLikeZeroAndKeepsRealSmallErrors() {
        List<ErrorCurve> noise = new ArrayList<>(curves("standard"));
        noise.set(1, curve("standard", "leastSquares", 0.1, 1.0, 0.8, 0.6, 0.4, 0.2, 1e-15, 2e-16, 1e-15, 3e-16, 1e-15, 1e-15));
        assertThat(ErrorFigure.logRange(noise).min()).isCloseTo(0.01, within(1e-15));
        assertThat(ErrorFigure.logRange(noise).clampedBelow()).isTrue();

        // a noisy task: least squares really reaches 5e-4; zeros and noise still go below it, at most 4 decades down
        List<ErrorCurve> small = new ArrayList<>(curves("standard"));
        small.set(1, curve("standard", "leastSquares", 0.1, 1.0, 0.8, 0.6, 0.4, 0.2, 5e-3, 2e-3, 1e-3, 8e-4, 6e-4, 5e-4));
        ErrorFigure.Range range = ErrorFigure.logRange(small);
        assertThat(range.min()).isCloseTo(1e-4, within(1e-18));
        assertThat(range.clampedBelow()).isFalse();

        // nothing at or under zero and all within a few decades: the floor is the decade under the smallest value
        ErrorFigure.Range model = ErrorFigure.logRange(curves("standard").subList(0, 1));
        assertThat(model.min()).isCloseTo(0.1, within(1e-15));
        assertThat(model.clampedBelow()).isFalse();
    }

    @Test
    void linearAxisStopsAboveABaselineSpikeAndSaysSo() throws Exception {
        ErrorFigure.Range plain = ErrorFigure.linearRange(curves("standard"));
        assertThat(plain.min()).isZero();
        assertThat(plain.max()).isCloseTo(1.6 * 1.1 * 1.05, within(1e-12));
        assertThat(plain.clippedAbove()).isFalse();

        List<ErrorCurve> spike = new ArrayList<>(curves("noisyY(0.5)"));
        spike.set(1, curve("noisyY(0.5)", "leastSquares", 0.3, 1.0, 0.8, 0.6, 0.4, 6, 3.5, 0.9, 0.4, 0.3, 0.25, 0.22));
        spike.remove(2); // without nearestNeighbors, whose error at k = 1 would set the scale
        ErrorFigure.Range cut = ErrorFigure.linearRange(spike);
        // 2 × the largest of the model's upper bound (0.92 · 1.12) and the errors at k = 0 (1.0)
        assertThat(cut.max()).isCloseTo(2 * 1.0304, within(1e-12));
        assertThat(cut.clippedAbove()).isTrue();

        Plots.write(tmp, experiment(), List.of(), spike);
        assertThat(texts(parse(tmp.resolve("error-noisyY-0.5.svg")))).containsExactly("k = dims = 5",
                "shaded: 90% bootstrap interval · axis cut at 2.06 (see error-noisyY-0.5-log)");
    }

    @Test
    void dimsBeyondTheLastKDrawsNoLine() throws Exception {
        List<ErrorCurve> short4 = List.of(curve("standard", "model", 0.1, 1.0, 0.9, 0.8, 0.7),
                curve("standard", "averaging", 0.1, 1.0, 0.95, 0.9, 0.85));
        Plots.write(tmp, experiment(), List.of(), short4);
        Document svg = parse(tmp.resolve("error-standard.svg"));
        assertThat(texts(svg)).containsExactly("shaded: 90% bootstrap interval");
        assertThat(attributeValues(svg, "stroke-dasharray")).doesNotContain("7,5");
        assertThat(only(svg, "desc")).endsWith("dashed line: none (dims = 5 is beyond the last k, 3).");
    }

    @Test
    void lossFigureIsLogScaleWhenTheLossFallsADecadeAndLeftOutWithoutLogs() throws Exception {
        Plots.write(tmp.resolve("falls"), experiment(), logs(5, 2, 0.5, 0.1), curves("standard"));
        Document falls = parse(tmp.resolve("falls/loss.svg"));
        assertThat(only(falls, "title")).isEqualTo("lr-tiny · training loss · log scale");
        assertThat(only(falls, "desc")).isEqualTo("lr-tiny: training loss against step, 4 logged steps from 100 to 400; loss at each logged step.");

        Plots.write(tmp.resolve("flat"), experiment(), logs(1.2, 1.0, 0.9), curves("standard"));
        assertThat(only(parse(tmp.resolve("flat/loss.svg")), "title")).isEqualTo("lr-tiny · training loss");

        Plots.write(tmp.resolve("none"), experiment(), List.of(), curves("standard"));
        assertThat(tmp.resolve("none/loss.png")).doesNotExist();
        assertThat(tmp.resolve("none/loss.svg")).doesNotExist();
        assertThat(tmp.resolve("none/error-standard.png")).isRegularFile();
    }

    @Test
    void manyLoggedStepsGetACentredMeanThatAlsoDecidesTheScale() throws Exception {
        double[] zigzag = new double[40]; // one batch's loss jumps around; its mean barely moves
        for (int i = 0; i < zigzag.length; i++) {
            zigzag[i] = i % 2 == 0 ? 0.05 : 1.0;
        }
        Plots.write(tmp, experiment(), logs(zigzag), curves("standard"));
        Document svg = parse(tmp.resolve("loss.svg"));
        assertThat(only(svg, "title")).as("raw values span 20x, the mean less than 10x").isEqualTo("lr-tiny · training loss");
        assertThat(texts(svg)).containsExactly("grey: loss at each logged step · black: centred mean of 3 logged steps");

        assertThat(LossFigure.smoothingWindow(19)).isEqualTo(1);
        assertThat(LossFigure.smoothingWindow(20)).isEqualTo(3);
        assertThat(LossFigure.smoothingWindow(250)).isEqualTo(5);
        assertThat(LossFigure.smoothingWindow(5000)).isEqualTo(101);
        assertThat(LossFigure.centredMean(new double[] {1, 2, 3, 4, 10}, 3))
                .containsExactly(new double[] {1.5, 2, 3, 17 / 3.0, 7}, within(1e-12));
        assertThat(LossFigure.centredMean(new double[] {1, 2, 3}, 1)).containsExactly(1, 2, 3);
    }

    @Test
    void strategyNamesBecomePlainFileNames() {
        assertThat(Plots.fileName("standard")).isEqualTo("standard");
        assertThat(Plots.fileName("scaledX(2)")).isEqualTo("scaledX-2");
        assertThat(Plots.fileName("noisyY(0.5)")).isEqualTo("noisyY-0.5");
        assertThat(Plots.fileName("scaledX(1/3)")).isEqualTo("scaledX-1-3");
        assertThat(Plots.fileName("()")).isEqualTo("strategy");
    }

    @Test
    void decadesAreWrittenAsOnTheLogAxis() {
        assertThat(ErrorFigure.decade(1)).isEqualTo("1");
        assertThat(ErrorFigure.decade(0.01)).isEqualTo("0.01");
        assertThat(ErrorFigure.decade(0.001)).isEqualTo("0.001");
        assertThat(ErrorFigure.decade(1e-4)).isEqualTo("1E-4");
        assertThat(ErrorFigure.decade(1e-12)).isEqualTo("1E-12");
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    static String only(Document svg, String element) {
        NodeList nodes = svg.getElementsByTagNameNS(SVG_NS, element);
        assertThat(nodes.getLength()).as("<%s> elements", element).isEqualTo(1);
        return nodes.item(0).getTextContent();
    }

    static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagNameNS(SVG_NS, "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    static List<String> attributeValues(Document svg, String attribute) {
        NodeList nodes = svg.getElementsByTagNameNS(SVG_NS, "*");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.hasAttribute(attribute)) {
                values.add(e.getAttribute(attribute));
            }
        }
        return values;
    }
}
