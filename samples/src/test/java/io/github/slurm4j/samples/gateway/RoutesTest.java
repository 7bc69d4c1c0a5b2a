package io.github.slurm4j.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.samples.gateway.Routes.Kind;
import io.github.slurm4j.samples.gateway.Routes.Route;
import org.junit.jupiter.api.Test;

class RoutesTest {
    @Test
    void everyRouteOfTheApi() {
        assertThat(Routes.match("POST", "/api/command/lab")).isEqualTo(new Route(Kind.COMMAND, "lab", null));
        assertThat(Routes.match("POST", "/api/job/lab")).isEqualTo(new Route(Kind.SUBMIT, "lab", null));
        assertThat(Routes.match("GET", "/api/job/lab")).isEqualTo(new Route(Kind.LIST, "lab", null));
        assertThat(Routes.match("DELETE", "/api/job/lab")).isEqualTo(new Route(Kind.KILL, "lab", null));
        assertThat(Routes.match("GET", "/api/job/lab/42")).isEqualTo(new Route(Kind.DETAIL, "lab", "42"));
        assertThat(Routes.match("GET", "/api/job/lab/42_3/console")).isEqualTo(new Route(Kind.CONSOLE, "lab", "42_3"));
        assertThat(Routes.match("GET", "/api/job/lab/42/log")).isEqualTo(new Route(Kind.LOG, "lab", "42"));
        assertThat(Routes.match("GET", "/api/job")).isEqualTo(new Route(Kind.STATUS, null, null));
    }

    @Test
    void oneTrailingSlashAndPercentEncodingAreRead() {
        assertThat(Routes.match("GET", "/api/job/")).isEqualTo(new Route(Kind.STATUS, null, null));
        assertThat(Routes.match("GET", "/api/job/my-lab.1/")).isEqualTo(new Route(Kind.LIST, "my-lab.1", null));
        assertThat(Routes.match("GET", "/api/job/lab/12%2B0")).isEqualTo(new Route(Kind.DETAIL, "lab", "12+0"));
        assertThat(Routes.match("GET", "/api/job/lab/12+0")).isEqualTo(new Route(Kind.DETAIL, "lab", "12+0"));
    }

    @Test
    void aPathTheApiDoesNotHaveIs404() {
        for (String p : new String[] {"/", "/api", "/api/", "/api/jobs", "/api/job//x", "/api/job/lab/1/2/3",
            "/api/job/lab/1/stdout", "/api/command", "/api/command/lab/x", "api/job", "/other/job/lab"}) {
            assertThatThrownBy(() -> Routes.match("GET", p)).as(p).isInstanceOfSatisfying(ApiError.class, e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.type()).isEqualTo("not_found");
            });
        }
    }

    @Test
    void aMachineNameThatCannotBeOneIsAnUnknownMachine() {
        assertThatThrownBy(() -> Routes.match("GET", "/api/job/..%2Fetc")).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.type()).isEqualTo("unknown_machine");
        });
        assertThatThrownBy(() -> Routes.match("GET", "/api/job/a%20b")).isInstanceOf(ApiError.class);
    }

    @Test
    void aBrokenPercentEscapeIs400() {
        assertThatThrownBy(() -> Routes.match("GET", "/api/job/lab/%zz")).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.type()).isEqualTo("bad_path");
        });
    }

    @Test
    void aMethodThePathDoesNotAllowIs405WithTheAllowedOnes() {
        assertThatThrownBy(() -> Routes.match("PUT", "/api/job/lab")).isInstanceOfSatisfying(Routes.MethodNotAllowed.class, e -> {
            assertThat(e.allow).isEqualTo("GET, POST, DELETE");
            assertThat(e.error.status()).isEqualTo(405);
            assertThat(e.error.type()).isEqualTo("method_not_allowed");
        });
        assertThatThrownBy(() -> Routes.match("GET", "/api/command/lab")).isInstanceOfSatisfying(Routes.MethodNotAllowed.class,
                e -> assertThat(e.allow).isEqualTo("POST"));
        assertThatThrownBy(() -> Routes.match("DELETE", "/api/job/lab/4")).isInstanceOf(Routes.MethodNotAllowed.class);
        assertThatThrownBy(() -> Routes.match("POST", "/api/job")).isInstanceOf(Routes.MethodNotAllowed.class);
    }
}
