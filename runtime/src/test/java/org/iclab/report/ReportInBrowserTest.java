package org.iclab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iclab.Iclab.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.iclab.Iclab;
import org.iclab.RunOptions;
import org.iclab.RunResult;
import org.iclab.io.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's report.html opened in headless Chromium (Debian's {@code chromium}, which {@code .ci/run} installs): the
 * DOM, as the browser built it, must hold a rendered figure for every SVG of {@code plots/} and an error table whose
 * cells are the run's eval.csv numbers; a screenshot goes to {@code target/report-screenshot.png}. Where Chromium is
 * absent the test is skipped, unless {@code ICLAB_REQUIRE_BROWSER} is set (CI sets it), when it fails.
 */
class ReportInBrowserTest {
    @TempDir
    static Path tmp;
    static Path chromium;
    static RunResult result;

    @BeforeAll
    static void runAndFindTheBrowser() {
        chromium = findChromium();
        if (chromium == null) {
            assertThat(System.getenv("ICLAB_REQUIRE_BROWSER")).as("ICLAB_REQUIRE_BROWSER is set but no chromium was found").isNull();
            Assumptions.abort("no chromium on this machine (apt-get install chromium)");
        }
        result = Iclab.run(experiment("browser").seed(2)
                .task(linearRegression(3)).prompt(interleaved(6))
                .model(gpt2(m -> m.layers(2).heads(2).embed(16).positions(8)))
                .train(t -> t.steps(40).batch(8).optimizer(adam(1e-3)).logEvery(10).checkpointEvery(20).evaluateEvery(20).evaluatePrompts(16))
                .evaluate(e -> e.prompts(40).resamples(50))
                .probes(p -> p.linear(weights()).prompts(48).heldOut(24))
                .build(), RunOptions.builder().out(tmp.resolve("run")).threads(2).build());
    }

    private static Path findChromium() {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("ICLAB_CHROMIUM") != null) {
            candidates.add(System.getenv("ICLAB_CHROMIUM"));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            candidates.add(dir + "/chromium");
            candidates.add(dir + "/chromium-browser");
        }
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** What the page shows, read in the browser by a script appended to a copy of the report. */
    private static final String PROBE = """
            <script>
            const plots = [...document.querySelectorAll('figure.plot')].map(f => {
              const svg = f.querySelector('svg'); const box = svg.getBoundingClientRect(); const inner = svg.getBBox();
              return {name: f.dataset.name, width: box.width, height: box.height, drawnWidth: inner.width, drawnHeight: inner.height,
                      paths: svg.querySelectorAll('path').length, title: (svg.querySelector('title') || {}).textContent};
            });
            const cells = [...document.querySelectorAll('table.errors td')].map(td => ({
              strategy: td.closest('table').dataset.strategy, learner: td.dataset.learner, k: +td.dataset.k, text: td.textContent}));
            const out = document.createElement('pre'); out.id = 'iclab-test';
            out.textContent = JSON.stringify({title: document.title, plots, cells,
              probeRows: document.querySelectorAll('#probe-layers tr').length - 1});
            document.body.appendChild(out);
            </script>
            """;

    @Test
    void theBrowserRendersEveryFigureAndTheRunsNumbers() throws Exception {
        Path report = result.directory().resolve("report.html");
        String html = Files.readString(report);
        assertThat(html).doesNotContain("<script").doesNotContainPattern("(src|href)=\"https?:");
        Path page = Path.of("target", "report-browser", "report.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, html.replace("</body>", PROBE + "</body>"));

        String dom = chromium(List.of("--dump-dom", page.toUri().toString()));
        int start = dom.indexOf("<pre id=\"iclab-test\">");
        assertThat(start).as("the probe script ran").isPositive();
        String text = dom.substring(start + "<pre id=\"iclab-test\">".length(), dom.indexOf("</pre>", start))
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        JsonNode seen = Json.MAPPER.readTree(text);
        assertThat(seen.get("title").asText()).isEqualTo("browser · iclab run");

        Set<String> svgs = new HashSet<>();
        try (var list = Files.list(result.directory().resolve("plots"))) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".svg")).forEach(n -> svgs.add(n.replace(".svg", "")));
        }
        assertThat(svgs).contains("error-standard", "error-standard-log", "loss", "dynamics", "probes-linear");
        Set<String> rendered = new HashSet<>();
        for (JsonNode plot : seen.get("plots")) {
            String name = plot.get("name").asText();
            assertThat(plot.get("width").asDouble()).as(name + " laid out").isGreaterThan(300);
            assertThat(plot.get("height").asDouble()).as(name).isGreaterThan(150);
            assertThat(plot.get("drawnWidth").asDouble()).as(name + " has drawn content").isGreaterThan(300);
            assertThat(plot.get("drawnHeight").asDouble()).as(name).isGreaterThan(150);
            assertThat(plot.get("paths").asInt()).as(name).isGreaterThan(10);
            assertThat(plot.get("title").asText()).as(name).startsWith("browser");
            rendered.add(name);
        }
        assertThat(rendered).isEqualTo(svgs);

        // every cell is eval.csv's error and interval at its (strategy, learner, k)
        List<String> csv = Files.readAllLines(result.directory().resolve("eval.csv"));
        Set<String> learners = new HashSet<>();
        int checked = 0;
        for (JsonNode cell : seen.get("cells")) {
            learners.add(cell.get("learner").asText());
            String key = cell.get("strategy").asText() + "," + cell.get("learner").asText() + "," + cell.get("k").asInt() + ",";
            String[] row = csv.stream().filter(l -> l.startsWith(key)).findFirst().orElseThrow().split(",");
            assertThat(cell.get("text").asText()).as(key).isEqualTo(RunReport.cellText(Double.parseDouble(row[3]),
                    Double.parseDouble(row[4]), Double.parseDouble(row[5])));
            checked++;
        }
        assertThat(learners).containsExactlyInAnyOrder("model", "leastSquares", "nearestNeighbors", "averaging");
        assertThat(checked).isGreaterThanOrEqualTo(4 * 4); // k = 0, 1, d, last at least
        assertThat(seen.get("probeRows").asInt()).isPositive();
    }

    @Test
    void aScreenshotShowsThePage() throws Exception {
        Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        chromium(List.of("--screenshot=" + shot, "--window-size=1200,2400",
                result.directory().resolve("report.html").toAbsolutePath().toUri().toString()));
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        // the page is not blank: a share of the pixels is ink, and it has colour (the curves)
        int ink = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    ink++;
                }
                colours.add(rgb);
            }
        }
        assertThat(ink).isGreaterThan(image.getWidth() * image.getHeight() / 9 / 50);
        assertThat(colours.size()).isGreaterThan(50);
    }

    private static String chromium(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium")));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as("chromium's exit code").isZero();
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }
}
