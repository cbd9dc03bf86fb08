package org.iclab.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.iclab.Iclab;
import org.iclab.claim.Page;
import org.iclab.claim.Reproduction;
import org.iclab.cli.Main;
import org.iclab.dsl.ExperimentScripts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * No reproduction number is typed: every committed page is what its committed reproduction.json renders, README's
 * table is what they all render, every script's claims are on a page, and the whole path runs for representative
 * presets at toy scale (--smoke: every claim reads and every page renders; the verdicts are not checked).
 */
class ReproductionPagesTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyCommittedPageIsWhatItsReproductionRenders() throws Exception {
        SortedMap<String, Reproduction> pages = Page.committed(ROOT);
        assertThat(pages).as("the committed reproductions").isNotEmpty();
        return pages.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path page = ROOT.resolve(e.getKey());
            assertThat(page).as("run ./iclab reproduce to render it").isRegularFile();
            assertThat(Files.readString(page)).as(e.getKey() + " differs from what its reproduction.json renders").isEqualTo(Page.render(e.getValue()));
        }));
    }

    @Test
    void readmesTableIsWhatTheReproductionsRender() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains(Page.TABLE_START, Page.TABLE_END);
        assertThat(readme).isEqualTo(Page.withTable(readme, Page.table(Page.committed(ROOT))));
    }

    @Test
    void everyScriptsClaimsAreOnExactlyOnePage() throws Exception {
        List<Path> withClaims = new ArrayList<>();
        for (Path script : ScriptsCheckTest.scripts()) {
            if (!ExperimentScripts.load(script).claims().isEmpty()) {
                withClaims.add(script.toAbsolutePath().normalize());
            }
        }
        assertThat(withClaims).as("the presets that state claims").isNotEmpty();
        List<Path> covered = new ArrayList<>();
        for (Map.Entry<String, Reproduction> e : Page.committed(ROOT).entrySet()) {
            Path dir = ROOT.resolve(e.getKey()).getParent();
            e.getValue().scripts().forEach(s -> covered.add(dir.resolve(s).toAbsolutePath().normalize()));
            assertThat(e.getValue().claims()).as(e.getKey() + " lists the claims its scripts state").hasSize((int) e.getValue().scripts().stream()
                    .mapToLong(s -> ExperimentScripts.load(dir.resolve(s)).claims().size()).sum());
        }
        assertThat(covered).as("a script on two pages").doesNotHaveDuplicates();
        assertThat(covered).as("every script with claims has its page (./iclab reproduce PATH, or --declared)").containsAll(withClaims);
    }

    @TestFactory
    Stream<DynamicTest> theWholePathRunsAtToyScaleForRepresentativePresets() {
        return Stream.of("quickstart.groovy", "vonoswald2023", "bhattamishra2023/small/conjunction.groovy").map(preset -> DynamicTest.dynamicTest(preset, () -> {
            Path out = tmp.resolve(preset.replace('/', '-'));
            StringWriter o = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(o, true), new PrintWriter(err, true), false, Iclab::run,
                    "reproduce", ROOT.resolve("scripts").resolve(preset).toString(), "--smoke", "--out", out.toString(), "--threads", "1");
            assertThat(code).as(err + "\n" + o).isZero();
            Reproduction r = Reproduction.read(out.resolve(Reproduction.FILE));
            assertThat(r.claims()).isNotEmpty().allSatisfy(c -> assertThat(c.errors()).as(c.claim()).containsOnlyNulls());
            assertThat(Files.readString(out.resolve(Page.FILE))).isEqualTo(Page.render(r));
        }));
    }
}
