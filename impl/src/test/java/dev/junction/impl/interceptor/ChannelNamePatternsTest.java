package dev.junction.impl.interceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChannelNamePatternsTest {

    @Test
    void theDefaultSelectsEveryChannel() {
        ChannelNamePatterns all = ChannelNamePatterns.all();

        assertThat(all.matches("anything")).isTrue();
        assertThat(all.matches("")).isTrue();
        assertThat(all.matches(null)).isFalse();
        assertThat(all).isEqualTo(ChannelNamePatterns.parse(ChannelNamePatterns.DEFAULT));
    }

    @Test
    void theSeedsExample() {
        ChannelNamePatterns patterns = ChannelNamePatterns.parse("input*, thing2*, thing1, !cat*");

        assertThat(patterns.matches("inputChannel")).isTrue();
        assertThat(patterns.matches("input")).isTrue();
        assertThat(patterns.matches("thing2")).isTrue();
        assertThat(patterns.matches("thing2x")).isTrue();
        assertThat(patterns.matches("thing1")).isTrue();
        assertThat(patterns.matches("thing1x")).isFalse();
        assertThat(patterns.matches("cat")).isFalse();
        assertThat(patterns.matches("catalog")).isFalse();
        assertThat(patterns.matches("other")).as("no pattern matches").isFalse();
    }

    @Test
    void starsMayStandAnywhereAndRepeat() {
        assertThat(ChannelNamePatterns.parse("*put").matches("input")).isTrue();
        assertThat(ChannelNamePatterns.parse("*put").matches("inputs")).isFalse();
        assertThat(ChannelNamePatterns.parse("in*ut").matches("input")).isTrue();
        assertThat(ChannelNamePatterns.parse("in*ut").matches("inut")).isTrue();
        assertThat(ChannelNamePatterns.parse("*rder*").matches("orders.in")).isTrue();
        assertThat(ChannelNamePatterns.parse("a*b*c").matches("aXbYc")).isTrue();
        assertThat(ChannelNamePatterns.parse("a*b*c").matches("abc")).isTrue();
        assertThat(ChannelNamePatterns.parse("a*b*c").matches("acb")).isFalse();
        assertThat(ChannelNamePatterns.parse("a*b*b").matches("ab")).as("pieces may not overlap").isFalse();
        assertThat(ChannelNamePatterns.parse("a*bc*bc").matches("abcbc")).isTrue();
        assertThat(ChannelNamePatterns.parse("**").matches("x")).isTrue();
        assertThat(ChannelNamePatterns.parse("a**").matches("b")).isFalse();
    }

    @Test
    void theFirstMatchingPatternDecides() {
        ChannelNamePatterns exclusionFirst = ChannelNamePatterns.parse("!thing1, *");
        ChannelNamePatterns inclusionFirst = ChannelNamePatterns.parse("*, !thing1");

        assertThat(exclusionFirst.matches("thing1")).isFalse();
        assertThat(exclusionFirst.matches("thing2")).isTrue();
        assertThat(inclusionFirst.matches("thing1")).isTrue();
        assertThat(inclusionFirst.matches("thing2")).isTrue();
    }

    @Test
    void negationsAloneSelectNothing() {
        ChannelNamePatterns notCats = ChannelNamePatterns.parse("!cat*");

        assertThat(notCats.matches("cat")).isFalse();
        assertThat(notCats.matches("dog")).isFalse();
    }

    @Test
    void anEscapedBangMatchesALiteralBang() {
        ChannelNamePatterns escaped = ChannelNamePatterns.parse("\\!thing1");
        ChannelNamePatterns negated = ChannelNamePatterns.parse("!thing1");

        assertThat(escaped.matches("!thing1")).isTrue();
        assertThat(escaped.matches("thing1")).isFalse();
        assertThat(negated.matches("!thing1")).isFalse();
        assertThat(negated.matches("thing1")).isFalse();
        assertThat(ChannelNamePatterns.parse("\\!thing*").matches("!thing2")).isTrue();
    }

    @Test
    void entriesAreTrimmedAndEmptyOnesIgnored() {
        ChannelNamePatterns patterns = ChannelNamePatterns.of("  a ,, b*  ,", "! c");

        assertThat(patterns.matches("a")).isTrue();
        assertThat(patterns.matches("bee")).isTrue();
        assertThat(patterns.matches("c")).isFalse();
        assertThat(patterns).hasToString("a, b*, !c");
        assertThat(ChannelNamePatterns.parse(patterns.toString())).isEqualTo(patterns);
        assertThat(ChannelNamePatterns.parse("\\!x")).hasToString("\\!x");
    }

    @Test
    void anEmptyListOrABareBangIsRejected() {
        assertThatThrownBy(() -> ChannelNamePatterns.parse(" , ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No channel name pattern");
        assertThatThrownBy(() -> ChannelNamePatterns.parse("a, !")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'!'");
    }
}
