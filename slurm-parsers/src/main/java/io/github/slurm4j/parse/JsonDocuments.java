package io.github.slurm4j.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.slurm4j.parse.internal.RestJson;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The shape every Slurm JSON document shares ({@code squeue --json}, slurmrestd): an object with
 * one array of items, {@code meta} with the versions, and {@code errors}/{@code warnings} arrays.
 * Each reader supplies only how one item maps.
 */
final class JsonDocuments {
    private JsonDocuments() {
    }

    /**
     * Reads a document and maps each element of its {@code arrayName} array. A missing or null
     * array gives no items (an error document has only {@code errors}).
     *
     * @throws SlurmParseException for text that is not a JSON object, or an array field that is
     *     not an array
     */
    static <T> JsonResult<T> read(String command, Reader json, String arrayName, Function<JsonFields, T> item) {
        JsonNode root = RestJson.read(command, json);
        if (!root.isObject()) {
            throw new SlurmParseException(command, 1, null, root.toString(), "expected a JSON object");
        }
        JsonNode array = root.get(arrayName);
        List<T> out = new ArrayList<>();
        if (array != null && !array.isNull()) {
            if (!array.isArray()) {
                throw new SlurmParseException(command, 0, arrayName, array.toString(), "expected an array");
            }
            for (int i = 0; i < array.size(); i++) {
                out.add(item.apply(new JsonFields(command, arrayName + "[" + i + "]", array.get(i))));
            }
        }
        return result(root, out);
    }

    private static <T> JsonResult<T> result(JsonNode root, List<T> items) {
        JsonNode meta = root.path("meta");
        String version = meta.path("Slurm").path("release").isTextual() ? meta.path("Slurm").path("release").textValue()
                : meta.path("slurm").path("release").isTextual() ? meta.path("slurm").path("release").textValue() : null;
        JsonNode plugin = meta.path("plugin");
        String api = plugin.path("data_parser").isTextual() ? plugin.path("data_parser").textValue()
                : plugin.path("type").isTextual() ? plugin.path("type").textValue() : null;
        return new JsonResult<>(items, RestJson.messages(root.get("errors")), RestJson.messages(root.get("warnings")),
                version, api);
    }
}
