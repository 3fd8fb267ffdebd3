package dev.junction.api.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The api's own tests run without a runtime on the class path, which is how an application misses it. */
class RuntimeDiscoveryTest {

    @Test
    void withoutARuntimeTheBuilderNamesTheMissingDependencyUnderItsCode() {
        assertThatThrownBy(Junction::builder).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("JNC-0001").hasMessageContaining("junction-impl");
    }
}
