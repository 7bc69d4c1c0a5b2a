package io.github.slurm4j.parse.scontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyValueTokenizerTest {
    private static final KeySet KEYS = new KeySet(
            List.of("JobId", "JobName", "UserId", "Comment", "StdErr", "Reason", "WorkDir", "Nodes", "CPU_IDs", "Power"),
            Set.of("JobName", "Comment", "WorkDir"), Set.of("Nodes", "CPU_IDs"));

    private static List<String> tokens(String line, boolean strip, boolean trim) {
        KeyValueTokenizer tok = new KeyValueTokenizer(KEYS, trim);
        tok.newRecord();
        tok.reset(line, strip);
        List<String> out = new ArrayList<>();
        while (tok.next()) {
            out.add(tok.key() + "=[" + tok.value() + "]");
        }
        return out;
    }

    @Test
    void hostileNameStaysWhole() {
        assertThat(tokens("JobId=9 JobName=a|b,c=d \"q\" 's' UserId=alice(1001)", false, false))
                .containsExactly("JobId=[9]", "JobName=[a|b,c=d \"q\" 's']", "UserId=[alice(1001)]");
    }

    @Test
    void freeTextEndsOnlyAtAKnownKey() {
        assertThat(tokens("Comment=key=value spaces = signs; owner=ops team  StdErr=/x", false, false))
                .containsExactly("Comment=[key=value spaces = signs; owner=ops team ]", "StdErr=[/x]");
    }

    @Test
    void freeTextIsNotEndedByAKeyAlreadySeen() {
        assertThat(tokens("JobId=1 Comment=see JobId=2 and UserId=x", false, false))
                .containsExactly("JobId=[1]", "Comment=[see JobId=2 and]", "UserId=[x]");
    }

    @Test
    void repeatableKeysEndFreeTextAgain() {
        KeyValueTokenizer tok = new KeyValueTokenizer(KEYS, false);
        tok.newRecord();
        tok.reset("Nodes=a CPU_IDs=0", false);
        while (tok.next()) {
            assertThat(tok.keyIndex()).isNotNegative();
        }
        tok.reset("WorkDir=/w Nodes=b", false);
        List<String> out = new ArrayList<>();
        while (tok.next()) {
            out.add(tok.key() + "=" + tok.value());
        }
        assertThat(out).containsExactly("WorkDir=/w", "Nodes=b");
    }

    @Test
    void otherValuesEndAtAnyKeyShapedWord() {
        assertThat(tokens("Reason=x NewKey=1 Other:Key/x=2", false, false))
                .containsExactly("Reason=[x]", "NewKey=[1]", "Other:Key/x=[2]");
        assertThat(tokens("Reason=a b =c 9x=1", false, false)).containsExactly("Reason=[a b =c 9x=1]");
    }

    @Test
    void emptyValuesAndSeparators() {
        assertThat(tokens("NodeList= SchedNodeList=localhost Power= ", true, false))
                .containsExactly("NodeList=[]", "SchedNodeList=[localhost]", "Power=[]");
        assertThat(tokens("   Comment=trailing ", false, false)).containsExactly("Comment=[trailing ]");
        assertThat(tokens("Comment=trailing  ", true, false)).containsExactly("Comment=[trailing ]");
    }

    @Test
    void trimmingModeDropsPadding() {
        assertThat(tokens("CoresPerSocket=1  CPUAlloc=0 OS=Linux 6 #1 SMP  Real=1 ", false, true))
                .containsExactly("CoresPerSocket=[1]", "CPUAlloc=[0]", "OS=[Linux 6 #1 SMP]", "Real=[1]");
    }

    @Test
    void theSeparatorIsOneSpaceSoASecondSpaceEndsTheValue() {
        // -o: two spaces before the next key mean the value ended with a space
        assertThat(tokens("Comment=owner=ops team  StdErr=/x", false, false))
                .containsExactly("Comment=[owner=ops team ]", "StdErr=[/x]");
        // scontrol 22.05 prints "Comment=%s " then the separator: a comment ending with a space shows three
        assertThat(tokens("Comment=owner=ops team   StdErr=/x", false, false))
                .containsExactly("Comment=[owner=ops team  ]", "StdErr=[/x]");
        assertThat(tokens("JobName=a   UserId=u(1)", false, false)).containsExactly("JobName=[a  ]", "UserId=[u(1)]");
        // a value that ends its line (multi-line form) ends at the line end, spaces included
        assertThat(tokens("   Comment=owner=ops team  ", false, false)).containsExactly("Comment=[owner=ops team  ]");
        // the -o form of jobs ends its line with one separator space: only that one is removed
        assertThat(tokens("StdErr=/x Comment=a   ", true, false)).containsExactly("StdErr=[/x]", "Comment=[a  ]");
    }

    @Test
    void trimmingModeKeepsFreeTextVerbatim() {
        // node records: scontrol pads some values with a space of its own, free text is printed as is
        assertThat(tokens("Reason=x  Comment=owner=ops team  WorkDir=/w  Power=1 ", false, true))
                .containsExactly("Reason=[x]", "Comment=[owner=ops team ]", "WorkDir=[/w ]", "Power=[1]");
        assertThat(tokens("Power=1  Comment=owner=ops team ", false, true))
                .containsExactly("Power=[1]", "Comment=[owner=ops team ]");
        assertThat(tokens("   Comment=a b  ", false, true)).containsExactly("Comment=[a b  ]");
        assertThat(tokens("   Reason=a b  ", false, true)).containsExactly("Reason=[a b]");
    }

    @Test
    void unicodeValues() {
        assertThat(tokens("JobId=15 JobName=训练任务 中文名", false, false))
                .containsExactly("JobId=[15]", "JobName=[训练任务 中文名]");
    }

    @Test
    void garbageIsAnError() {
        KeyValueTokenizer tok = new KeyValueTokenizer(KEYS, false);
        tok.newRecord();
        tok.reset("  hello world", false);
        assertThatThrownBy(tok::next).isInstanceOf(KeyValueTokenizer.TokenException.class)
                .satisfies(e -> assertThat(((KeyValueTokenizer.TokenException) e).column()).isEqualTo(2));
        tok.reset("=x", false);
        assertThatThrownBy(tok::next).isInstanceOf(KeyValueTokenizer.TokenException.class);
        tok.reset("Key", false);
        assertThatThrownBy(tok::next).isInstanceOf(KeyValueTokenizer.TokenException.class);
    }

    @Test
    void accessors() {
        KeyValueTokenizer tok = new KeyValueTokenizer(KEYS, false);
        tok.newRecord();
        tok.reset("JobId=12 Unknown=", false);
        assertThat(tok.next()).isTrue();
        assertThat(tok.key()).isSameAs("JobId");
        assertThat(tok.valueIs("12")).isTrue();
        assertThat(tok.valueIs("1")).isFalse();
        assertThat(tok.valueStart()).isEqualTo(6);
        assertThat(tok.valueEnd()).isEqualTo(8);
        assertThat(tok.keyStart()).isZero();
        assertThat(tok.line()).isEqualTo("JobId=12 Unknown=");
        assertThat(tok.next()).isTrue();
        assertThat(tok.keyIndex()).isEqualTo(-1);
        assertThat(tok.key()).isEqualTo("Unknown");
        assertThat(tok.valueIsEmpty()).isTrue();
        assertThat(tok.next()).isFalse();
    }

    @Test
    void keySetRejectsBadDefinitions() {
        assertThatThrownBy(() -> new KeySet(List.of("A", "A"), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeySet(List.of("A"), Set.of("B"), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        KeySet ks = new KeySet(List.of("A", "B"), Set.of("A"), Set.of("B"));
        assertThat(ks.size()).isEqualTo(2);
        assertThat(indexOf(ks, "xAx", 1, 2)).isZero();
        assertThat(indexOf(ks, "C", 0, 1)).isEqualTo(-1);
        assertThat(ks.isFreeText(0)).isTrue();
        assertThat(ks.isRepeatable(1)).isTrue();
    }

    @Test
    void valuesAndCache() {
        assertThat(Values.parseLong("x123y", 1, 4)).isEqualTo(123);
        assertThat(Values.parseLong("-5", 0, 2)).isEqualTo(-5);
        assertThat(Values.parseLong("4294967294", 0, 10)).isEqualTo(4294967294L);
        assertThat(Values.parseLong("9223372036854775807", 0, 19)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Values.parseLong("", 0, 0)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Values.parseLong("1a", 0, 2)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Values.parseLong("12345678901234567890123", 0, 23))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Values.parseInt("4294967296", 0, 10)).isInstanceOf(NumberFormatException.class);
        assertThat(Values.parseIsoSeconds("2026-11-20T22:28:11", 0, 19)).hasToString("2026-11-20T22:28:11");
        assertThat(Values.parseIsoSeconds("2026-11-20 22:28:11", 0, 19)).isNull();
        assertThat(Values.parseIsoSeconds("2026-1x-20T22:28:11", 0, 19)).isNull();
        assertThat(Values.parseIsoSeconds("Unknown", 0, 7)).isNull();
        ValueCache<String> cache = new ValueCache<>(16, s -> s);
        String a = cache.get(utf8("xx root yy"), 3, 7);
        assertThat(a).isEqualTo("root");
        assertThat(cache.get(utf8("root"), 0, 4)).isSameAs(a);
        String longText = "y".repeat(ValueCache.MAX_KEY + 1);
        assertThat(cache.get(utf8(longText), 0, longText.length())).isEqualTo(longText);
        assertThatThrownBy(() -> new ValueCache<String>(10, s -> s)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> record(KeyValueTokenizer tok, String line) {
        tok.newRecord();
        tok.reset(line, false);
        List<String> out = new ArrayList<>();
        while (tok.next()) {
            out.add(tok.key() + "=[" + tok.value() + "]");
        }
        return out;
    }

    @Test
    void predictedNextKeyGivesTheSameTokensAsAFreshTokenizer() {
        // the first record teaches the tokenizer that WorkDir follows Comment and UserId follows
        // JobName; later records break those predictions in every way
        KeyValueTokenizer tok = new KeyValueTokenizer(KEYS, false);
        List<String> lines = List.of(
                "JobId=1 JobName=a UserId=u Comment=x WorkDir=/w Power=",
                "JobId=2 WorkDir=/a Comment=a WorkDir=/b Power=1",
                "JobId=3 JobName=n UserId UserId=v Comment=c WorkDirX=/d WorkDir=/e",
                "JobId=4 Comment=WorkDir=/f WorkDir= Power=2",
                "JobId=5 JobName=m Unknown=q Comment=c WorkDi",
                "JobId=6 Power=1 Comment=c WorkDir=/w Power=3");
        for (String line : lines) {
            assertThat(record(tok, line)).as(line).isEqualTo(tokens(line, false, false));
        }
        assertThat(record(tok, lines.get(1)))
                .containsExactly("JobId=[2]", "WorkDir=[/a]", "Comment=[a WorkDir=/b]", "Power=[1]");
        assertThat(record(tok, lines.get(2))).containsExactly("JobId=[3]", "JobName=[n UserId]", "UserId=[v]",
                "Comment=[c WorkDirX=/d]", "WorkDir=[/e]");
        assertThat(record(tok, lines.get(4)))
                .containsExactly("JobId=[5]", "JobName=[m Unknown=q]", "Comment=[c WorkDi]");
    }

    @Test
    void errorColumnIsCountedFromTheLineStartInASharedBuffer() {
        KeyValueTokenizer tok = new KeyValueTokenizer(KEYS, false);
        byte[] buf = "xxxxJobId=1 =bad".getBytes(StandardCharsets.UTF_8);
        tok.newRecord();
        tok.reset(buf, 4, buf.length, false);
        assertThat(tok.next()).isTrue();
        assertThat(tok.lineStart()).isEqualTo(4);
        assertThat(tok.keyStart()).isEqualTo(4);
        assertThat(tok.value()).isEqualTo("1 =bad");
        assertThat(tok.line()).isEqualTo("JobId=1 =bad");
        byte[] bad = "xx =a".getBytes(StandardCharsets.UTF_8);
        tok.reset(bad, 2, bad.length, false);
        assertThatThrownBy(tok::next).isInstanceOfSatisfying(KeyValueTokenizer.TokenException.class,
                e -> assertThat(e.column()).isEqualTo(1));
    }

    @Test
    void multiByteValuesAreWholeAndColumnsCountCharacters() {
        KeyValueTokenizer tok = new KeyValueTokenizer(KEYS, false);
        tok.newRecord();
        tok.reset("JobId=1 JobName=训练 模型=x UserId=a(1) Comment=é", false);
        assertThat(record(tok, "JobId=1 JobName=训练 模型=x UserId=a(1) Comment=é"))
                .containsExactly("JobId=[1]", "JobName=[训练 模型=x]", "UserId=[a(1)]", "Comment=[é]");
        tok.newRecord();
        tok.reset("JobId=1 JobName=训练 =bad", false);
        assertThat(tok.next()).isTrue();
        assertThat(tok.next()).isTrue();
        assertThat(tok.value()).isEqualTo("训练 =bad");
        assertThat(tok.column(tok.keyStart())).isEqualTo(8);
        tok.reset("训 =a", false);
        assertThatThrownBy(tok::next).isInstanceOfSatisfying(KeyValueTokenizer.TokenException.class,
                e -> assertThat(e.column()).isZero());
        byte[] notUtf8 = {'J', 'o', 'b', 'I', 'd', '=', '1', ' ', 'C', 'o', 'm', 'm', 'e', 'n', 't', '=', (byte) 0xe8, (byte) 0xae};
        tok.newRecord();
        tok.reset(notUtf8, 0, notUtf8.length, false);
        assertThat(tok.next()).isTrue();
        assertThat(tok.next()).isTrue();
        assertThat(tok.key()).isEqualTo("Comment");
        assertThat(tok.value()).isEqualTo("\ufffd");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(KeySet keys, String text, int start, int end) {
        byte[] b = utf8(text);
        return keys.indexOf(b, start, end, KeySet.hash(b, start, end));
    }
}
