package io.github.slurm4j.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodiesTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void refused(Runnable r, int status, String type, String... inMessage) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.type()).isEqualTo(type);
            if (inMessage.length > 0) {
                assertThat(e.getMessage()).contains(inMessage);
            }
        });
    }

    @Test
    void aJsonObjectWithOrWithoutContentType() {
        assertThat(Bodies.fields("application/json; charset=utf-8", b("{\"jobid\": \"12\", \"n\": 3, \"l\": [1]}")))
                .containsEntry("jobid", "12").containsEntry("n", 3).containsEntry("l", List.of(1));
        assertThat(Bodies.fields(null, b("{\"a\": null}"))).containsEntry("a", null);
        assertThat(Bodies.fields("application/json", new byte[0])).isEmpty();
    }

    @Test
    void badJsonSaysWhere() {
        refused(() -> Bodies.fields("application/json", b("{\n  \"a\": 1,\n  \"b\" 2\n}")), 400, "bad_json", "line 3, column");
        refused(() -> Bodies.fields("application/json", b("[1, 2]")), 400, "bad_json", "must be a JSON object, not array");
        refused(() -> Bodies.fields("application/json", b("\"text\"")), 400, "bad_json", "not string");
        refused(() -> Bodies.fields("application/json", b("{\"a\": 1} {\"b\": 2}")), 400, "bad_json");
        refused(() -> Bodies.fields("application/json", b("{\"a\": 1, \"a\": 2}")), 400, "bad_json", "Duplicate field");
        refused(() -> Bodies.fields("application/json", new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'}), 400, "bad_json",
                "not UTF-8");
    }

    @Test
    void aUrlEncodedForm() {
        Map<String, Object> f = Bodies.fields("application/x-www-form-urlencoded",
                b("jobscript=%23%21%2Fbin%2Fsh%0Asleep+1%0A&jobconf=%7B%22job_name%22%3A%22x%22%7D&empty="));
        assertThat(f).containsEntry("jobscript", "#!/bin/sh\nsleep 1\n").containsEntry("jobconf", "{\"job_name\":\"x\"}")
                .containsEntry("empty", "");
        refused(() -> Bodies.fields("application/x-www-form-urlencoded", b("a=1&a=2")), 400, "bad_form", "'a' twice");
        refused(() -> Bodies.fields("application/x-www-form-urlencoded", b("a=%G1")), 400, "bad_form");
    }

    @Test
    void otherMediaTypesAre415() {
        refused(() -> Bodies.fields("multipart/form-data; boundary=x", b("--x")), 415, "unsupported_media_type", "multipart/form-data");
        refused(() -> Bodies.fields("text/plain", b("hello")), 415, "unsupported_media_type");
    }

    @Test
    void jobconfIsAJsonStringOrAnObject() {
        assertThat(Bodies.jsonObjectField("{\"scale_cores\": 2}", "jobconf")).containsEntry("scale_cores", 2);
        assertThat(Bodies.jsonObjectField(Map.of("job_name", "x"), "jobconf")).containsEntry("job_name", "x");
        assertThat(Bodies.jsonObjectField("", "jobconf")).isEmpty();
        refused(() -> Bodies.jsonObjectField("{oops", "jobconf"), 400, "bad_json", "jobconf is not JSON");
        refused(() -> Bodies.jsonObjectField(12, "jobconf"), 400, "bad_json", "jobconf must be");
    }

    @Test
    void theBodyIsBounded() throws Exception {
        assertThat(Bodies.read(new ByteArrayInputStream(new byte[1024]), -1, 1024)).hasSize(1024);
        refused(() -> {
            try {
                Bodies.read(new ByteArrayInputStream(new byte[1025]), -1, 1024);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }, 413, "body_too_large", "1024 bytes");
        // a declared length over the limit is refused before anything is read
        refused(() -> {
            try {
                Bodies.read(new java.io.InputStream() {
                    @Override
                    public int read() {
                        throw new AssertionError("read");
                    }
                }, 5_000_000, 1024);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }, 413, "body_too_large");
    }

    @Test
    void theQueryKeepsTheFirstValue() {
        assertThat(Bodies.query("jobid=12&lines=5&jobid=13&flag")).containsEntry("jobid", "12").containsEntry("lines", "5")
                .containsEntry("flag", "");
        assertThat(Bodies.query(null)).isEmpty();
    }
}
