package io.github.slurm4j.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenAuthTest {
    private static final String FILE = "# tokens of the gateway\n\nalice-token-0123456789 alice\n  bob-token-0123456789abc   bob  \n"
            + "second-alice-token-xyz alice\n";

    @Test
    void eachTokenActsAsItsUser() {
        TokenAuth a = TokenAuth.parse(FILE, "tokens");
        assertThat(a.userOf("Bearer alice-token-0123456789")).isEqualTo("alice");
        assertThat(a.userOf("bearer bob-token-0123456789abc")).isEqualTo("bob");
        assertThat(a.userOf("Bearer second-alice-token-xyz ")).isEqualTo("alice");
        assertThat(a.users()).containsExactly("alice", "bob");
    }

    @Test
    void noTokenOrAWrongOneIs401() {
        TokenAuth a = TokenAuth.parse(FILE, "tokens");
        for (String h : new String[] {null, "", "Basic YWxpY2U6eA==", "Bearer", "Bearer ", "Bearer alice-token-012345678",
            "Bearer alice-token-0123456789x", "alice-token-0123456789"}) {
            assertThatThrownBy(() -> a.userOf(h)).as(String.valueOf(h)).isInstanceOfSatisfying(ApiError.class, e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.type()).isEqualTo("unauthorized");
            });
        }
    }

    @Test
    void aBadFileNamesItsLine() {
        assertThatThrownBy(() -> TokenAuth.parse("good-token-0123456789 alice\nshort bob\n", "f"))
                .hasMessage("f line 2: a token must have at least 16 characters");
        assertThatThrownBy(() -> TokenAuth.parse("good-token-0123456789\n", "f")).hasMessageContaining("f line 1: expected 'token user'");
        assertThatThrownBy(() -> TokenAuth.parse("good-token-0123456789 alice extra\n", "f")).hasMessageContaining("3 words");
        assertThatThrownBy(() -> TokenAuth.parse("good-token-0123456789 al;ice\n", "f")).hasMessageContaining("not a user name");
        assertThatThrownBy(() -> TokenAuth.parse("good-token-0123456789 alice\ngood-token-0123456789 bob\n", "f"))
                .hasMessage("f line 2: the same token is given twice");
        assertThatThrownBy(() -> TokenAuth.parse("# nothing\n", "f")).hasMessageContaining("no token");
    }
}
