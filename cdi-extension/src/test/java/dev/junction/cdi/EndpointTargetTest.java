package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * What an endpoint method is invoked on: an application-scoped bean that nothing wraps is called directly (no client
 * proxy in between) and still created only when the first message arrives; interceptors and decorators of such a
 * bean still apply; a request-scoped bean is still looked up on every call.
 */
class EndpointTargetTest {

    // --- an application-scoped bean without interceptors or decorators ---------------------------------------

    @MessagingGateway(defaultRequestChannel = "plain")
    public interface PlainGateway {
        String call(String s);
    }

    @ApplicationScoped
    public static class PlainService {
        static final AtomicInteger CREATED = new AtomicInteger();
        private int calls;

        @PostConstruct
        void created() {
            CREATED.incrementAndGet();
        }

        @ServiceActivator(inputChannel = "plain")
        public String call(String s) {
            calls++;
            return s + " " + calls + (calledThroughAProxy() ? " through a proxy" : " directly");
        }

        public int calls() {
            return calls;
        }
    }

    /** @return whether a container's proxy or subclass is on the stack of the current call */
    static boolean calledThroughAProxy() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(frame ->
                frame.getClassName().contains("$Proxy$") || frame.getClassName().contains("$$OwbNormalScopeProxy")
                        || frame.getClassName().contains("$$OwbInterceptProxy")));
    }

    @Test
    void applicationScopedBeanWithoutInterceptorsIsCalledDirectlyAndCreatedOnTheFirstMessage() {
        PlainService.CREATED.set(0);
        WeldContainer container = Containers.start("endpoint-target-plain", PlainGateway.class, PlainService.class);
        try {
            assertThat(PlainService.CREATED).as("created at deployment").hasValue(0);
            PlainGateway gateway = container.select(PlainGateway.class).get();

            assertThat(gateway.call("a")).isEqualTo("a 1 directly");
            assertThat(gateway.call("b")).isEqualTo("b 2 directly");
            assertThat(PlainService.CREATED).hasValue(1);
            // the instance the endpoint calls is the application's one
            assertThat(container.select(PlainService.class).get().calls()).isEqualTo(2);
        } finally {
            container.close();
        }
    }

    @Test
    void applicationScopedBeanWithoutInterceptorsOnOpenWebBeansToo() {
        SeContainer container = Containers.startOpenWebBeans(PlainGateway.class, PlainService.class);
        try {
            PlainGateway gateway = container.select(PlainGateway.class).get();

            assertThat(gateway.call("a")).isEqualTo("a 1 directly");
            assertThat(container.select(PlainService.class).get().calls()).isEqualTo(1);
        } finally {
            container.close();
        }
    }

    // --- interceptors and decorators of an application-scoped bean ------------------------------------------

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Shouting {
    }

    @Shouting
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class ShoutingInterceptor {
        @AroundInvoke
        Object shout(InvocationContext invocation) throws Exception {
            return invocation.proceed().toString().toUpperCase();
        }
    }

    @MessagingGateway(defaultRequestChannel = "intercepted")
    public interface InterceptedGateway {
        String call(String s);
    }

    @ApplicationScoped
    public static class InterceptedService {
        @Shouting // on the method only: the bean has no class-level binding
        @ServiceActivator(inputChannel = "intercepted")
        public String call(String s) {
            return "hello " + s;
        }
    }

    @Test
    void methodInterceptorOfAnApplicationScopedBeanApplies() {
        WeldContainer container = Containers.start("endpoint-target-intercepted", Shouting.class,
                ShoutingInterceptor.class, InterceptedGateway.class, InterceptedService.class);
        try {
            assertThat(container.select(InterceptedGateway.class).get().call("ann")).isEqualTo("HELLO ANN");
        } finally {
            container.close();
        }
    }

    @Test
    void methodInterceptorOfAnApplicationScopedBeanAppliesOnOpenWebBeans() {
        SeContainer container = Containers.startOpenWebBeans(Shouting.class, ShoutingInterceptor.class,
                InterceptedGateway.class, InterceptedService.class);
        try {
            assertThat(container.select(InterceptedGateway.class).get().call("ann")).isEqualTo("HELLO ANN");
        } finally {
            container.close();
        }
    }

    public interface Pricing {
        String price(String item);
    }

    @MessagingGateway(defaultRequestChannel = "prices")
    public interface PriceGateway {
        String price(String item);
    }

    @ApplicationScoped
    public static class PriceList implements Pricing {
        @Override
        @ServiceActivator(inputChannel = "prices")
        public String price(String item) {
            return item + " costs 2";
        }
    }

    @Decorator
    @Priority(Interceptor.Priority.APPLICATION)
    public abstract static class Discount implements Pricing {
        @Inject
        @Delegate
        Pricing delegate;

        @Override
        public String price(String item) {
            return delegate.price(item) + ", 1 today";
        }
    }

    @Test
    void decoratorOfAnApplicationScopedBeanApplies() {
        WeldContainer container = Containers.start("endpoint-target-decorated", PriceGateway.class, PriceList.class,
                Discount.class);
        try {
            assertThat(container.select(PriceGateway.class).get().price("tea")).isEqualTo("tea costs 2, 1 today");
        } finally {
            container.close();
        }
    }

    // --- a bean whose instance changes: request scoped --------------------------------------------------------

    @MessagingGateway(defaultRequestChannel = "stamps")
    public interface StampGateway {
        String stamp(String s);
    }

    @RequestScoped
    public static class Stamp {
        static final AtomicInteger INSTANCES = new AtomicInteger();
        private int id;

        @PostConstruct
        void created() {
            id = INSTANCES.incrementAndGet();
        }

        @ServiceActivator(inputChannel = "stamps")
        public String stamp(String s) {
            return s + "@" + id;
        }
    }

    @ApplicationScoped
    public static class StampCaller {
        @Inject
        StampGateway gateway;

        @ActivateRequestContext
        public List<String> twice(String s) {
            return List.of(gateway.stamp(s), gateway.stamp(s));
        }
    }

    @Test
    void requestScopedEndpointBeanIsLookedUpOnEveryCall() {
        WeldContainer container = Containers.start("endpoint-target-request", StampGateway.class, Stamp.class,
                StampCaller.class);
        try {
            StampCaller caller = container.select(StampCaller.class).get();

            List<String> first = caller.twice("x");
            List<String> second = caller.twice("x");

            assertThat(first.get(0)).isEqualTo(first.get(1)); // one request: one instance
            assertThat(second.get(0)).isEqualTo(second.get(1));
            assertThat(second.get(0)).isNotEqualTo(first.get(0)); // the next request: another instance
        } finally {
            container.close();
        }
    }
}
