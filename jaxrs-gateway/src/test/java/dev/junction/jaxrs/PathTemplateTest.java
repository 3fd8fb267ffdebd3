package dev.junction.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void variablesMatchOneSegmentAndAreDecoded() {
        PathTemplate template = PathTemplate.parse("/orders/{id}/lines/{line}");

        assertThat(template.match("/orders/42/lines/7")).hasValue(Map.of("id", "42", "line", "7"));
        assertThat(template.match("/orders/a%2Fb/lines/caf%C3%A9+1"))
                .hasValue(Map.of("id", "a/b", "line", "caf\u00e9+1"));
        assertThat(template.match("/orders/42/lines/7/")).isPresent(); // a trailing slash is ignored
        assertThat(template.match("/orders/4/2/lines/7")).isEmpty();
        assertThat(template.match("/orders//lines/7")).isEmpty();
    }

    @Test
    void aVariableMayHaveItsOwnExpressionWithGroupsAndBraces() {
        PathTemplate template = PathTemplate.parse("/files/{year: \\d{4}}/{name: (draft-)?.+}");

        assertThat(template.match("/files/2024/draft-a/b.txt")).hasValue(Map.of("year", "2024", "name",
                "draft-a/b.txt"));
        assertThat(template.match("/files/24/a.txt")).isEmpty();
    }

    @Test
    void literalsAreLiteral() {
        PathTemplate template = PathTemplate.parse("/v1.0/items+(all)");

        assertThat(template.match("/v1.0/items+(all)")).hasValue(Map.of());
        assertThat(template.match("/v1x0/items+(all)")).isEmpty();
    }

    @Test
    void theMostSpecificTemplateSortsFirst() {
        List<PathTemplate> templates = new ArrayList<>(List.of(PathTemplate.parse("/{any: .*}"),
                PathTemplate.parse("/orders/{id}"), PathTemplate.parse("/orders/{id: \\d+}"),
                PathTemplate.parse("/orders/special"), PathTemplate.parse("/orders/{id}/{part}")));

        templates.sort(PathTemplate.MOST_SPECIFIC_FIRST);

        assertThat(templates).map(PathTemplate::toString).containsExactly("/orders/special", "/orders/{id}/{part}",
                "/orders/{id: \\d+}", "/orders/{id}", "/{any: .*}");
    }

    @Test
    void templatesDifferingOnlyInVariableNamesAreEquivalent() {
        assertThat(PathTemplate.parse("/orders/{id}").canonical())
                .isEqualTo(PathTemplate.parse("/orders/{key}/").canonical())
                .isNotEqualTo(PathTemplate.parse("/orders/{id: \\d+}").canonical());
    }

    @Test
    void malformedTemplatesAreRefused() {
        assertThatThrownBy(() -> PathTemplate.parse("orders")).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> PathTemplate.parse("/orders/{id")).hasMessageContaining("without '}'");
        assertThatThrownBy(() -> PathTemplate.parse("/orders/id}")).hasMessageContaining("without '{'");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id}/b/{id}")).hasMessageContaining("twice");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{}")).hasMessageContaining("variable named ''");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id: (}")).hasMessageContaining("invalid expression");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id: }")).hasMessageContaining("empty expression");
    }
}
