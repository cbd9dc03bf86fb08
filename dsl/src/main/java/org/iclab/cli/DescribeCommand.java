package org.iclab.cli;

import org.iclab.dsl.UserError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iclab.dsl.Reference;
import org.iclab.dsl.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code iclab describe [TOPIC]}: the vocabulary and every setting, generated from the code. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Describe the DSL: every block, word and setting with its meaning, default and allowed values.")
final class DescribeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(arity = "0..1", paramLabel = "TOPIC",
            description = "A block (experiment, train, curriculum, evaluate, probes, claims), a kind (task, inputs, prompt, optimizer, baselines, strategies) or a word (linearRegression, adam, ...).")
    String topic;

    @Override
    public Integer call() {
        Map<String, List<String>> topics = topics();
        if (topic == null) {
            main.out.println("iclab's DSL, generated from the code. Topics for iclab describe TOPIC: " + String.join(", ", topics.keySet()));
            main.out.println();
            for (Reference.Block b : Reference.blocks()) {
                block(b).forEach(main.out::println);
                main.out.println();
            }
            for (Map.Entry<String, Class<?>> kind : Reference.kinds().entrySet()) {
                kind(kind.getKey()).forEach(main.out::println);
                main.out.println();
            }
            return 0;
        }
        List<String> text = topics.get(topic);
        if (text == null) {
            throw new UserError("iclab describe: " + Suggestions.unknown("topic", topic, null, new ArrayList<>(topics.keySet())));
        }
        text.forEach(main.out::println);
        return 0;
    }

    private static Map<String, List<String>> topics() {
        Map<String, List<String>> topics = new LinkedHashMap<>();
        for (Reference.Block b : Reference.blocks()) {
            topics.put(b.word(), block(b));
        }
        List<String> claims = new ArrayList<>(List.of("claims { ... }  (checked by ./iclab check; read over seeds by ./iclab reproduce)"));
        Reference.claims().forEach(e -> entry(claims, e));
        topics.put("claims", claims);
        List<String> figures = new ArrayList<>(List.of("figures { ... }  (drawn over seeds onto the page by ./iclab reproduce)"));
        Reference.figures().forEach(e -> entry(figures, e));
        topics.put("figures", figures);
        for (String kind : Reference.kinds().keySet()) {
            topics.put(kind, kind(kind));
        }
        for (Reference.Word w : Reference.vocabulary()) {
            topics.put(w.name(), word(w));
        }
        return topics;
    }

    private static List<String> block(Reference.Block b) {
        List<String> lines = new ArrayList<>();
        lines.add(b.path().equals("experiment") ? "experiment('name') { ... }" : b.path() + " { ... }");
        b.settings().forEach(e -> entry(lines, e));
        return lines;
    }

    private static List<String> kind(String kind) {
        List<String> lines = new ArrayList<>();
        List<Reference.Word> words = Reference.vocabulary().stream().filter(w -> w.kind().equals(kind)).toList();
        lines.add(kind + ": " + String.join(", ", words.stream().map(Reference.Word::name).toList()));
        for (Reference.Word w : words) {
            lines.add("");
            lines.addAll(word(w));
        }
        return lines;
    }

    private static List<String> word(Reference.Word w) {
        List<String> lines = new ArrayList<>();
        lines.add(w.name() + "  (" + w.kind() + ")  " + w.meaning());
        lines.add("  " + String.join("  |  ", w.forms()));
        w.settings().forEach(e -> entry(lines, e));
        return lines;
    }

    private static void entry(List<String> lines, Reference.Entry e) {
        lines.add("  " + e.form());
        StringBuilder s = new StringBuilder("      ").append(e.meaning());
        if (!e.defaults().isEmpty()) {
            s.append(e.defaults().equals("required") ? " Required." : " Default: " + e.defaults() + ".");
        }
        if (!e.range().isEmpty()) {
            s.append(" Allowed: ").append(e.range()).append('.');
        }
        lines.add(s.toString());
    }
}
