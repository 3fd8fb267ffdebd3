package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
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
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InterceptorAndScopeTest {

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Audited {
    }

    @ApplicationScoped
    public static class AuditLog {
        private final List<String> entries = new CopyOnWriteArrayList<>();

        void add(String entry) {
            entries.add(entry);
        }

        List<String> entries() {
            return List.copyOf(entries);
        }
    }

    @Audited
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class AuditInterceptor {
        @Inject
        AuditLog log;

        @AroundInvoke
        Object audit(InvocationContext invocation) throws Exception {
            log.add(invocation.getMethod().getName() + invocation.getParameters()[0]);
            return invocation.proceed();
        }
    }

    /** State of one request: a new instance per request context. */
    @RequestScoped
    public static class Visit {
        private int calls;

        int next() {
            return ++calls;
        }
    }

    @MessagingGateway(defaultRequestChannel = "greetings")
    public interface Greeter {
        String greet(String name);
    }

    @Audited
    @ApplicationScoped
    public static class GreetingService {
        @Inject
        Visit visit;

        @ServiceActivator(inputChannel = "greetings")
        public String greet(String name) {
            return "hello " + name + " #" + visit.next();
        }
    }

    /** The caller: its method runs in a request context of its own. */
    @ApplicationScoped
    public static class Caller {
        @Inject
        Greeter greeter;

        @ActivateRequestContext
        public List<String> greetTwice(String name) {
            return List.of(greeter.greet(name), greeter.greet(name));
        }
    }

    private WeldContainer container;

    @BeforeEach
    void start() {
        container = Containers.start("interceptor-and-scope", Audited.class, AuditLog.class, AuditInterceptor.class,
                Visit.class, Greeter.class, GreetingService.class, Caller.class);
    }

    @AfterEach
    void stop() {
        container.shutdown();
    }

    @Test
    void interceptorOfTheActivatorBeanAppliesWhenTheEndpointInvokesIt() {
        container.select(Caller.class).get().greetTwice("ann");

        assertThat(container.select(AuditLog.class).get().entries()).containsExactly("greetann", "greetann");
    }

    @Test
    void requestScopedBeanUsedByTheActivatorIsTheCallersOnDirectChannels() {
        Caller caller = container.select(Caller.class).get();

        assertThat(caller.greetTwice("bob")).containsExactly("hello bob #1", "hello bob #2");
        assertThat(caller.greetTwice("bob")).containsExactly("hello bob #1", "hello bob #2"); // a new request
    }
}
