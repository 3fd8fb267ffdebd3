package dev.junction.impl.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Calling the method: return values, exceptions, and which instance receives the call. */
class HandlerMethodInvokerTest {

    public static class Service {
        final List<String> calls = new ArrayList<>();

        @ServiceActivator
        public String handle(String text) {
            calls.add("service:" + text);
            return text.toUpperCase();
        }
    }

    /** Stands in for a CDI client proxy: a generated subclass that intercepts and forwards. */
    public static class Service$$Proxy extends Service {
        @Override
        public String handle(String text) {
            calls.add("proxy:" + text);
            return super.handle(text);
        }

        public Object getTargetInstance() {
            return this;
        }
    }

    public interface Greeter {
        String greet(String name);
    }

    public static class GreeterBean implements Greeter {
        @Override
        public String greet(String name) {
            return "hello " + name;
        }
    }

    public static class Returns {
        public void nothing(String text) {
        }

        public Void boxedNothing(String text) {
            return null;
        }

        public int primitive(String text) {
            return text.length();
        }
    }

    public static class Failing {
        private final Throwable toThrow;

        public Failing(Throwable toThrow) {
            this.toThrow = toThrow;
        }

        public String handle(String text) throws Throwable {
            throw toThrow;
        }
    }

    private static class PrivateService {
        public String handle(String text) {
            return "private " + text;
        }
    }

    @Test
    void returnsWhatTheMethodReturns() {
        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(new Service()).marker(ServiceActivator.class).build();
        assertThat(invoker.invoke(Message.of("abc"))).isEqualTo("ABC");
        assertThat(invoker.isVoid()).isFalse();
    }

    @Test
    void voidMethodsReturnNullAndSaySo() {
        HandlerMethodInvoker nothing = HandlerMethodInvoker.forTarget(new Returns()).methodName("nothing").build();
        assertThat(nothing.invoke(Message.of("x"))).isNull();
        assertThat(nothing.isVoid()).isTrue();
        assertThat(HandlerMethodInvoker.forTarget(new Returns()).methodName("boxedNothing").build().isVoid()).isTrue();
    }

    @Test
    void primitiveResultsAreBoxed() {
        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(new Returns()).methodName("primitive").build();
        assertThat(invoker.invoke(Message.of("four"))).isEqualTo(4);
    }

    @Test
    void exposesTheMethodTheTargetAndADescription() throws Exception {
        Service service = new Service();
        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(service).build();
        assertThat(invoker.getMethod()).isEqualTo(Service.class.getMethod("handle", String.class));
        assertThat(invoker.getTarget()).isSameAs(service);
        assertThat(invoker).hasToString("HandlerMethodInvoker[" + Service.class.getName() + ".handle(String)]");
    }

    @Test
    void aCheckedExceptionIsWrappedWithTheOriginalAsCause() {
        IOException original = new IOException("disk full");
        Message<String> message = Message.of("x");
        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(new Failing(original)).build();

        assertThatThrownBy(() -> invoker.invoke(message))
                .isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining(Failing.class.getName() + ".handle(String) failed")
                .hasMessageContaining("disk full")
                .hasCause(original)
                .satisfies(e -> assertThat(((MessagingException) e).getFailedMessage()).isSameAs(message));
    }

    @Test
    void anUncheckedExceptionIsWrappedToo() {
        IllegalStateException original = new IllegalStateException("bad state");
        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(new Failing(original)).build();
        assertThatThrownBy(() -> invoker.invoke(Message.of("x")))
                .isInstanceOf(MessageHandlingException.class)
                .hasCause(original);
    }

    @Test
    void aMessagingExceptionCarryingAMessagePassesAsItIs() {
        MessageDeliveryException original = new MessageDeliveryException(Message.of("downstream"), "no subscriber");
        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(new Failing(original)).build();
        assertThatThrownBy(() -> invoker.invoke(Message.of("x"))).isSameAs(original);
    }

    @Test
    void aMessagingExceptionWithoutMessageIsGivenOne() {
        MessagingException original = new MessagingException("no message here");
        Message<String> message = Message.of("x");
        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(new Failing(original)).build();
        assertThatThrownBy(() -> invoker.invoke(message))
                .isInstanceOf(MessageHandlingException.class)
                .hasCause(original)
                .satisfies(e -> assertThat(((MessagingException) e).getFailedMessage()).isSameAs(message));
    }

    @Test
    void errorsPropagateUnchanged() {
        OutOfMemoryError original = new OutOfMemoryError("simulated");
        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(new Failing(original)).build();
        assertThatThrownBy(() -> invoker.invoke(Message.of("x"))).isSameAs(original);
    }

    @Test
    void theCallGoesToTheGivenInstanceEvenWhenItIsAProxySubclass() {
        Service$$Proxy proxy = new Service$$Proxy();
        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(proxy).build();

        assertThat(invoker.invoke(Message.of("a"))).isEqualTo("A");
        assertThat(proxy.calls).containsExactly("proxy:a", "service:a");
        assertThat(invoker.getMethod().getDeclaringClass()).isEqualTo(Service.class);
    }

    @Test
    void aBeanClassCanBeGivenForSelectionWhileTheProxyIsCalled() {
        Service$$Proxy proxy = new Service$$Proxy();
        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(proxy).targetType(Service.class)
                .marker(ServiceActivator.class).build();
        invoker.invoke(Message.of("b"));
        assertThat(proxy.calls).containsExactly("proxy:b", "service:b");
    }

    @Test
    void aTargetThatOnlySharesAnInterfaceIsCalledThroughIt() {
        GreeterBean bean = new GreeterBean();
        Object interfaceProxy = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Greeter.class},
                (self, method, args) -> "proxied " + method.invoke(bean, args));

        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(interfaceProxy).targetType(GreeterBean.class).build();
        assertThat(invoker.invoke(Message.of("Ada"))).isEqualTo("proxied hello Ada");
        assertThat(HandlerMethodInvoker.forTarget(interfaceProxy).build().invoke(Message.of("Bo")))
                .isEqualTo("proxied hello Bo");
    }

    @Test
    void aTargetWithoutTheMethodIsRefused() {
        assertThatThrownBy(() -> HandlerMethodInvoker.forTarget("not a service").targetType(Service.class).build())
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining("The target (a java.lang.String) has no public method String handle(String)")
                .hasMessageContaining(Service.class.getName() + ".handle(String) cannot be called");
    }

    @Test
    void aPrivateClassWorks() {
        assertThat(HandlerMethodInvoker.forTarget(new PrivateService()).build().invoke(Message.of("x")))
                .isEqualTo("private x");
    }

    @Test
    void aPackagePrivateClassWorks() {
        assertThat(HandlerMethodInvoker.forTarget(new PackagePrivateService()).build().invoke(Message.of(2)))
                .isEqualTo(4);
    }

    @Test
    void aLambdaWorks() {
        Function<String, Integer> length = String::length;
        assertThat(HandlerMethodInvoker.forTarget(length).build().invoke(Message.of("five!"))).isEqualTo(5);
    }

    @Test
    void anExplicitMethodIsUsedAsGiven() throws Exception {
        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(new Returns())
                .method(Returns.class.getMethod("primitive", String.class)).build();
        assertThat(invoker.invoke(Message.of("ab"))).isEqualTo(2);
    }

    @Test
    void aTargetSuppliedOnTheFirstCallIsAskedForThenAndKept() {
        Service$$Proxy proxy = new Service$$Proxy();
        Service instance = new Service();
        AtomicInteger asked = new AtomicInteger();
        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(proxy).targetType(Service.class)
                .targetOnFirstCall(() -> {
                    asked.incrementAndGet();
                    return instance;
                }).build();
        assertThat(asked).as("asked while building").hasValue(0);

        assertThat(invoker.invoke(Message.of("a"))).isEqualTo("A");
        assertThat(invoker.invoke(Message.of("b"))).isEqualTo("B");

        assertThat(asked).hasValue(1);
        assertThat(instance.calls).containsExactly("service:a", "service:b");
        assertThat(proxy.calls).isEmpty();
    }

    @Test
    void aFailingTargetSupplierFailsThatCallOnlyAndIsAskedAgain() {
        RuntimeException inactive = new IllegalStateException("no active context");
        AtomicInteger asked = new AtomicInteger();
        Service instance = new Service();
        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(new Service$$Proxy()).targetType(Service.class)
                .targetOnFirstCall(() -> {
                    if (asked.incrementAndGet() == 1) {
                        throw inactive;
                    }
                    return instance;
                }).build();
        Message<String> first = Message.of("a");

        assertThatThrownBy(() -> invoker.invoke(first)).isInstanceOf(MessageHandlingException.class)
                .hasCause(inactive)
                .satisfies(failure -> assertThat(((MessageHandlingException) failure).getFailedMessage())
                        .isSameAs(first));
        assertThat(invoker.invoke(Message.of("b"))).isEqualTo("B");
        assertThat(asked).hasValue(2);
    }

    @Test
    void aTargetSuppliedOnTheFirstCallNeedsItsType() {
        assertThatThrownBy(() -> HandlerMethodInvoker.forTarget(new Service()).targetOnFirstCall(Service::new).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("targetType");
    }

    public static class Shapes {
        public String none() {
            return "none";
        }

        public String two(String a, @Header("a") Integer b) {
            return a + b;
        }

        public String three(String a, @Header("b") String b, @Header("c") String c) {
            return a + b + c;
        }

        public String primitive(String a, @Header("a") int b) {
            return a + (b + 1);
        }

        public String four(String a, @Header("b") String b, @Header("c") String c, @Header("d") String d) {
            return a + b + c + d;
        }

        public void nothing(String a, @Header("b") String b) {
            if (a.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
        }
    }

    @Test
    void everyArityAndParameterKindIsCalledWithTheMessagesArguments() throws Exception {
        Shapes shapes = new Shapes();
        Message<String> message = Message.of("x");

        assertThat(invoker(shapes, "none").invoke(message)).isEqualTo("none");
        assertThat(invokerWithHeaders(shapes, "two", String.class, Integer.class).invoke(withHeaders()))
                .isEqualTo("x1");
        assertThat(invokerWithHeaders(shapes, "three", String.class, String.class, String.class)
                .invoke(withHeaders())).isEqualTo("x23");
        assertThat(invokerWithHeaders(shapes, "primitive", String.class, int.class).invoke(withHeaders()))
                .isEqualTo("x2");
        assertThat(invokerWithHeaders(shapes, "four", String.class, String.class, String.class, String.class)
                .invoke(withHeaders())).isEqualTo("x234");
        HandlerMethodInvoker nothing = invokerWithHeaders(shapes, "nothing", String.class, String.class);
        assertThat(nothing.invoke(withHeaders())).isNull();
        assertThatThrownBy(() -> nothing.invoke(MessageBuilder.withPayload("").setHeader("b", "1").build()))
                .isInstanceOf(MessageHandlingException.class).hasCauseInstanceOf(IllegalArgumentException.class);
    }

    private static HandlerMethodInvoker invoker(Object target, String name) {
        return HandlerMethodInvoker.forTarget(target).methodName(name).build();
    }

    private static HandlerMethodInvoker invokerWithHeaders(Object target, String name, Class<?>... types)
            throws Exception {
        return HandlerMethodInvoker.forTarget(target).method(target.getClass().getMethod(name, types)).build();
    }

    private static Message<String> withHeaders() {
        return MessageBuilder.withPayload("x").setHeader("a", 1).setHeader("b", "2").setHeader("c", "3").setHeader("d", "4").build();
    }

    @Test
    void anExplicitNonPublicMethodIsRefused() throws Exception {
        assertThatThrownBy(() -> HandlerMethodInvoker.forTarget(new PackagePrivateService())
                .method(PackagePrivateService.class.getDeclaredMethod("internal")).build())
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining(PackagePrivateService.class.getName() + ".internal() is not a public instance method");
    }
}

/** Not public, like many test fixtures and package-scoped helpers. */
class PackagePrivateService {
    public int twice(int number) {
        return number * 2;
    }

    void internal() {
    }
}
