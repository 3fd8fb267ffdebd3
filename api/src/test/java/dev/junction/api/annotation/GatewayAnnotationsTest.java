package dev.junction.api.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

class GatewayAnnotationsTest {

    @MessagingGateway(name = "cafe", defaultRequestChannel = "orders",
            defaultHeaders = @GatewayHeader(name = "calledMethod", expression = "gatewayMethod.name"))
    interface Cafe {
        @Gateway(requestChannel = "drinks", replyTimeout = 2, headers = @GatewayHeader(name = "kind", value = "hot"))
        String order(String item);
    }

    @Test
    void messagingGatewayIsAStereotypeSoAnnotatedBeanDiscoverySeesGatewayInterfaces() {
        assertThat(MessagingGateway.class.isAnnotationPresent(Stereotype.class)).isTrue();
        assertThat(MessagingGateway.class.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.RUNTIME);
        assertThat(MessagingGateway.class.getAnnotation(Target.class).value()).containsExactly(ElementType.TYPE);
        assertThat(Cafe.class.getAnnotation(MessagingGateway.class).name()).isEqualTo("cafe");
    }

    @Test
    void timeoutsAreUnboundedByDefaultAndMethodsInheritThem() throws Exception {
        MessagingGateway defaults = Cafe.class.getAnnotation(MessagingGateway.class);
        assertThat(defaults.defaultReplyTimeout()).isEqualTo(MessagingGateway.UNBOUNDED).isEqualTo(-1L);
        assertThat(defaults.defaultRequestTimeout()).isEqualTo(MessagingGateway.UNBOUNDED);
        assertThat(defaults.asyncExecutor()).isEmpty();

        Gateway method = Cafe.class.getMethod("order", String.class).getAnnotation(Gateway.class);
        assertThat(method.replyTimeout()).isEqualTo(2);
        assertThat(method.requestTimeout()).isEqualTo(Gateway.NOT_SET).isEqualTo(Long.MIN_VALUE);
        assertThat(method.headers()[0].value()).isEqualTo("hot");
        assertThat(method.headers()[0].expression()).isEmpty();
    }

    @Test
    void gatewayHeadersOnlyAppearInsideOtherAnnotations() {
        assertThat(GatewayHeader.class.getAnnotation(Target.class).value()).isEmpty();
    }
}
