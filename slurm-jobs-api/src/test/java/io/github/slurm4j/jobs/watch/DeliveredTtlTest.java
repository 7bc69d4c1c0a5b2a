package io.github.slurm4j.jobs.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.redis.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.executors.CommandExecutor;

/** Both kinds of {@link DeliveredEvents} take the same times to live: at least a millisecond. */
class DeliveredTtlTest {

    /** A client that never connects: the constructors only keep it; a command fails. */
    static UnifiedJedis offline() {
        CommandExecutor refusing = new CommandExecutor() {
            @Override
            public <T> T executeCommand(CommandObject<T> command) {
                throw new JedisConnectionException("no Redis in this test");
            }

            @Override
            public void close() {
            }
        };
        return new UnifiedJedis(refusing, null, RedisProtocol.RESP2, null) {
        };
    }

    static List<Function<Duration, DeliveredEvents>> kinds() {
        return List.of(ttl -> new InMemoryDeliveredEvents(ttl, Clock.systemUTC()), ttl -> new RedisDeliveredEvents(offline(), ttl));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aMillisecondIsTheShortest(Function<Duration, DeliveredEvents> kind) {
        assertThat(kind.apply(Duration.ofMillis(1))).isNotNull();
        assertThat(kind.apply(Duration.ofDays(7))).isNotNull();
        for (Duration tooShort : List.of(Duration.ofNanos(999_999), Duration.ZERO, Duration.ofMillis(-1))) {
            assertThatThrownBy(() -> kind.apply(tooShort)).as(tooShort.toString()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the time to live must be at least 1 ms: " + tooShort);
        }
        assertThatThrownBy(() -> kind.apply(null)).isInstanceOf(NullPointerException.class).hasMessage("ttl");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theRuleIsOneConstant(Function<Duration, DeliveredEvents> kind) {
        assertThat(DeliveredTtl.MIN).isEqualTo(Duration.ofMillis(1));
        assertThat(DeliveredTtl.check(DeliveredTtl.MIN)).isSameAs(DeliveredTtl.MIN);
        assertThatThrownBy(() -> kind.apply(DeliveredTtl.MIN.minusNanos(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theShortestTtlIsUsable(Function<Duration, DeliveredEvents> kind) {
        DeliveredEvents events = kind.apply(Duration.ofMillis(1));
        if (events instanceof InMemoryDeliveredEvents m) {
            assertThat(m.claim("c", JobId.of(1))).isTrue();
            assertThat(m.size()).isLessThanOrEqualTo(1);
        } else {
            assertThatThrownBy(() -> events.claim("c", JobId.of(1))).isInstanceOf(StoreException.class);
        }
    }
}
