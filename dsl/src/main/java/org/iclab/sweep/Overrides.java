package org.iclab.sweep;

import org.iclab.dsl.UserError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.iclab.dsl.Suggestions;
import org.iclab.io.Json;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;

/**
 * {@code --set train.steps=100}: overrides a setting of a declared experiment by its path in spec.json (the same
 * names as the DSL). The experiment is written as JSON, the value set, and the JSON read back through the records'
 * validation, so an override is checked exactly like a script.
 */
public final class Overrides {
    private final List<String[]> assignments = new ArrayList<>();

    /** Parses {@code path=value} assignments. */
    public Overrides(List<String> sets) {
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--set expects path=value, e.g. --set train.steps=100; was '" + set + "'");
            }
            assignments.add(new String[] {set.substring(0, eq).strip(), set.substring(eq + 1).strip(), set});
        }
    }

    boolean isEmpty() {
        return assignments.isEmpty();
    }

    public Experiment apply(Experiment experiment) {
        if (assignments.isEmpty()) {
            return experiment;
        }
        ObjectNode tree = Json.MAPPER.valueToTree(experiment);
        for (String[] a : assignments) {
            set(tree, a[0], a[1], a[2]);
        }
        String what = String.join(" ", assignments.stream().map(a -> "--set " + a[2]).toList());
        try {
            return Json.readExperiment(tree.toString(), what);
        } catch (SpecException e) {
            String problems = String.join("; ", e.problems().stream().map(p -> p.message()).toList());
            // A new type keeps the old one's settings, which the new type may not take: say how to replace it whole.
            String hint = assignments.stream().filter(a -> a[0].endsWith(".type")).findFirst()
                    .map(a -> " (--set " + a[0] + " keeps the other settings of " + a[0].substring(0, a[0].length() - 5)
                            + "; to change its kind, set it whole as JSON, e.g. --set "
                            + a[0].substring(0, a[0].length() - 5) + "='{\"type\": \"" + a[1] + "\", ...}')")
                    .orElse("");
            throw new UserError(what + ": " + problems + hint, e);
        }
    }

    private static void set(ObjectNode root, String path, String value, String assignment) {
        String[] parts = path.split("\\.", -1);
        JsonNode node = root;
        String where = "experiment";
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            JsonNode child;
            if (node instanceof ObjectNode object) {
                child = object.get(part);
                if (child == null) {
                    throw new UserError("--set " + assignment + ": " + Suggestions.unknown("setting", part, where, names(object)));
                }
                if (last) {
                    object.set(part, parse(child, value, path, assignment));
                    return;
                }
            } else if (node instanceof ArrayNode array) {
                int index = index(part, array.size());
                if (index < 0) {
                    throw new UserError("--set " + assignment + ": " + where + " has " + array.size()
                            + " entries, index them 0.." + (array.size() - 1) + "; was '" + part + "'");
                }
                child = array.get(index);
                if (last) {
                    array.set(index, parse(child, value, path, assignment));
                    return;
                }
            } else {
                throw new UserError("--set " + assignment + ": " + where + " is a value, it has no setting '" + part + "'");
            }
            node = child;
            where = i == 0 ? part : where + "." + part;
        }
    }

    private static int index(String part, int size) {
        try {
            int i = Integer.parseInt(part);
            return i >= 0 && i < size ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> names(ObjectNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** The value as the kind of JSON the setting already holds: a number stays a number, a word stays text. */
    private static JsonNode parse(JsonNode current, String value, String path, String assignment) {
        if (current.isNumber()) {
            BigDecimal number;
            try {
                number = new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new UserError("--set " + assignment + ": " + path + " must be a number, was '" + value + "'");
            }
            if (current.isIntegralNumber()) {
                try {
                    long whole = number.longValueExact();
                    return whole == (int) whole ? IntNode.valueOf((int) whole) : LongNode.valueOf(whole);
                } catch (ArithmeticException e) {
                    throw new UserError("--set " + assignment + ": " + path + " must be a whole number, was " + value);
                }
            }
            return DecimalNode.valueOf(number);
        }
        if (current.isBoolean()) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new UserError("--set " + assignment + ": " + path + " must be true or false, was '" + value + "'");
            }
            return BooleanNode.valueOf(Boolean.parseBoolean(value));
        }
        if (current.isTextual()) {
            return TextNode.valueOf(value.length() >= 2 && value.startsWith("'") && value.endsWith("'") ? value.substring(1, value.length() - 1) : value);
        }
        try {
            return Json.MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            throw new UserError("--set " + assignment + ": " + path + " takes JSON here, e.g. " + current.toString().replace('\n', ' '));
        }
    }
}
