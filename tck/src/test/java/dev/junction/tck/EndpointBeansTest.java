package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Filter;
import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.Router;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.annotation.Transformer;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.error.MessageRejectedException;
import dev.junction.api.message.Message;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.Threads;
import dev.junction.tck.support.Waiting;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Produces;
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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Endpoint annotations on bean methods: each is invoked on the bean's contextual reference, so a normal-scoped bean
 * is resolved per invocation (a {@code @RequestScoped} endpoint bean is the current request's) and CDI interceptors
 * of the bean apply, on the caller's thread and on a poller's.
 */
@ExtendWith(ArquillianExtension.class)
class EndpointBeansTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war(EndpointBeansTest.class, BeanDiscovery.ANNOTATED);
    }

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Audited {
    }

    /** What the interceptor saw: method name and first argument. */
    @ApplicationScoped
    public static class AuditLog {
        private final List<String> entries = new CopyOnWriteArrayList<>();

        void add(String entry) {
            entries.add(entry);
        }

        public List<String> entries() {
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
            log.add(invocation.getMethod().getName() + ":" + invocation.getParameters()[0]);
            return invocation.proceed();
        }
    }

    @MessagingGateway(defaultReplyTimeout = 30_000)
    public interface Counter {
        @Gateway(requestChannel = "count")
        int count(String what);

        @Gateway(requestChannel = "auditedDirect")
        String auditedDirect(String text);

        @Gateway(requestChannel = "auditedQueue")
        String auditedQueue(String text);
    }

    /** A new instance per request: its count starts at 1 in every request. */
    @RequestScoped
    public static class RequestCounter {
        private int count;

        @ServiceActivator(inputChannel = "count")
        public int next(String what) {
            return ++count;
        }
    }

    /** Calls the gateway within a request context of its own. */
    @ApplicationScoped
    public static class Caller {
        @Inject
        Counter counter;

        @ActivateRequestContext
        public List<Integer> countThrice() {
            return List.of(counter.count("a"), counter.count("b"), counter.count("c"));
        }
    }

    @ApplicationScoped
    public static class AuditedService {
        @Audited
        @ServiceActivator(inputChannel = "auditedDirect")
        public String direct(String text) {
            return "direct " + text;
        }

        @Audited
        @ServiceActivator(inputChannel = "auditedQueue")
        @Poller(fixedDelay = 10, receiveTimeout = 100)
        public String polled(String text) {
            return "polled " + text;
        }
    }

    /** The other endpoint kinds, each on a bean method. */
    @ApplicationScoped
    public static class Flow {
        @Transformer(inputChannel = "toUpper", outputChannel = "out")
        public String upper(String text) {
            return text.toUpperCase();
        }

        @Filter(inputChannel = "filterIn", outputChannel = "out", discardChannel = "discarded")
        public boolean isShort(String text) {
            return text.length() < 5;
        }

        @Filter(inputChannel = "strictIn", outputChannel = "out", throwExceptionOnRejection = true)
        public boolean isShortOrFail(String text) {
            return text.length() < 5;
        }

        @Router(inputChannel = "routeIn", defaultOutputChannel = "discarded", channelMappings = "HOT=out")
        public String route(String drink) {
            return drink.startsWith("hot") ? "HOT" : null;
        }
    }

    @Dependent
    public static class Channels {
        @Produces
        @ApplicationScoped
        @Channel("auditedQueue")
        PollableChannel auditedQueue() {
            return MessageChannels.queue("auditedQueue");
        }

        @Produces
        @ApplicationScoped
        @Channel("out")
        PollableChannel out() {
            return MessageChannels.queue("out");
        }

        @Produces
        @ApplicationScoped
        @Channel("discarded")
        PollableChannel discarded() {
            return MessageChannels.queue("discarded");
        }
    }

    @Inject
    Caller caller;

    @Inject
    Counter counter;

    @Inject
    AuditLog auditLog;

    @Inject
    @Channel("toUpper")
    SubscribableChannel toUpper;

    @Inject
    @Channel("filterIn")
    SubscribableChannel filterIn;

    @Inject
    @Channel("strictIn")
    SubscribableChannel strictIn;

    @Inject
    @Channel("routeIn")
    SubscribableChannel routeIn;

    @Inject
    @Channel("out")
    PollableChannel out;

    @Inject
    @Channel("discarded")
    PollableChannel discarded;

    @Test
    void aRequestScopedEndpointBeanIsTheCurrentRequestsInstance() {
        // new threads have no request context: each call starts a request of its own
        List<Integer> firstRequest = Threads.onNewThread(caller::countThrice);
        List<Integer> secondRequest = Threads.onNewThread(caller::countThrice);

        assertThat(firstRequest).containsExactly(1, 2, 3); // one instance throughout a request
        assertThat(secondRequest).containsExactly(1, 2, 3); // a new one in the next request
    }

    @Test
    void theBeansInterceptorAppliesWhenADirectChannelsEndpointInvokesIt() {
        assertThat(counter.auditedDirect("one")).isEqualTo("direct one");

        assertThat(auditLog.entries()).contains("direct:one");
    }

    @Test
    void theBeansInterceptorAppliesWhenAPollerInvokesIt() {
        assertThat(counter.auditedQueue("two")).isEqualTo("polled two");

        await().atMost(Waiting.PATIENCE).until(() -> auditLog.entries().contains("polled:two"));
    }

    @Test
    void aTransformerOnABeanMethodTransforms() {
        toUpper.send(Message.of("quiet"));

        assertThat(out.receive(Waiting.PATIENCE).getPayload()).isEqualTo("QUIET");
    }

    @Test
    void aFilterOnABeanMethodPassesOrDiscards() {
        filterIn.send(Message.of("tea"));
        filterIn.send(Message.of("espresso"));

        assertThat(out.receive(Waiting.PATIENCE).getPayload()).isEqualTo("tea");
        assertThat(discarded.receive(Waiting.PATIENCE).getPayload()).isEqualTo("espresso");
    }

    @Test
    void aFilterMayRejectWithAnException() {
        assertThatThrownBy(() -> strictIn.send(Message.of("cappuccino"))).isInstanceOf(MessageRejectedException.class);
        assertThat(strictIn.send(Message.of("tea"))).isTrue();
        assertThat(out.receive(Waiting.PATIENCE).getPayload()).isEqualTo("tea");
    }

    @Test
    void aRouterOnABeanMethodRoutesThroughItsMappingsOrToTheDefault() {
        routeIn.send(Message.of("hot chocolate"));
        routeIn.send(Message.of("iced tea"));

        assertThat(out.receive(Waiting.PATIENCE).getPayload()).isEqualTo("hot chocolate");
        assertThat(discarded.receive(Waiting.PATIENCE).getPayload()).isEqualTo("iced tea");
    }
}
