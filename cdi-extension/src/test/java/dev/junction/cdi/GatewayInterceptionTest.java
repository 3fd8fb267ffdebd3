package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.impl.gateway.GatewayProxyFactory;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.openwebbeans.se.OWBInitializer;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interceptor bindings on a gateway interface apply: the synthetic gateway bean is wrapped through the container's
 * {@code InterceptionFactory}, on Weld and on OpenWebBeans. A gateway without bindings stays the bare proxy.
 */
class GatewayInterceptionTest {

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Audited {
    }

    @Audited
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class AuditInterceptor {
        @AroundInvoke
        Object audit(InvocationContext call) throws Exception {
            Object result = call.proceed();
            AUDIT.add(call.getMethod().getName() + "(" + call.getParameters()[0] + ") = " + result);
            return result;
        }
    }

    static final List<String> AUDIT = new CopyOnWriteArrayList<>();

    @MessagingGateway(defaultRequestChannel = "audited", defaultReplyTimeout = 5_000)
    public interface Bank {
        @Audited
        String transfer(String amount);

        String balance(String account);

        default String transferTwice(String amount) {
            return transfer(amount) + ", " + transfer(amount);
        }
    }

    @MessagingGateway(defaultRequestChannel = "audited", defaultReplyTimeout = 5_000)
    @Audited
    public interface AuditedEverywhere {
        String call(String text);
    }

    @MessagingGateway(defaultRequestChannel = "audited", defaultReplyTimeout = 5_000)
    public interface Plain {
        String call(String text);
    }

    @ApplicationScoped
    public static class Teller {
        @ServiceActivator(inputChannel = "audited")
        public String handle(String text) {
            return "done " + text;
        }
    }

    enum Container {
        WELD(() -> new Weld("interception").disableDiscovery().addExtension(new JunctionExtension())
                .addBeanClasses(BEANS).addBeanClasses(AuditInterceptor.class).initialize()),
        OPEN_WEB_BEANS(() -> new OWBInitializer().disableDiscovery().addExtensions(new JunctionExtension())
                .addBeanClasses(BEANS).addBeanClasses(AuditInterceptor.class).initialize());

        final Supplier<SeContainer> starter;

        Container(Supplier<SeContainer> starter) {
            this.starter = starter;
        }
    }

    private static final Class<?>[] BEANS = {Bank.class, AuditedEverywhere.class, Plain.class, Teller.class};

    private SeContainer container;

    @AfterEach
    void stop() {
        AUDIT.clear();
        if (container != null && container.isRunning()) {
            container.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void interceptorBindingOnAGatewayMethodApplies(Container kind) {
        container = kind.starter.get();
        Bank bank = container.select(Bank.class).get();

        assertThat(bank.transfer("10")).isEqualTo("done 10");
        assertThat(bank.balance("acme")).isEqualTo("done acme");

        assertThat(AUDIT).containsExactly("transfer(10) = done 10");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void defaultMethodsRunAsWrittenAndTheirOwnCallsAreSelfInvocations(Container kind) {
        container = kind.starter.get();

        assertThat(container.select(Bank.class).get().transferTwice("5")).isEqualTo("done 5, done 5");
        // the wrapper hands transferTwice to the gateway proxy, whose calls of transfer stay inside it: like every
        // self-invocation on an instance wrapped by InterceptionFactory, they are not intercepted (docs/cdi.adoc)
        assertThat(AUDIT).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void interceptorBindingOnTheInterfaceAppliesToEveryMethod(Container kind) {
        container = kind.starter.get();

        assertThat(container.select(AuditedEverywhere.class).get().call("x")).isEqualTo("done x");
        assertThat(AUDIT).containsExactly("call(x) = done x");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void gatewayWithoutBindingsIsTheBareProxy(Container kind) {
        container = kind.starter.get();
        Plain plain = container.select(Plain.class).get();

        assertThat(plain.call("y")).isEqualTo("done y");
        assertThat(GatewayProxyFactory.isGateway(plain)).isTrue();
        assertThat(AUDIT).isEmpty();
    }
}
