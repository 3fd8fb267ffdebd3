package dev.junction.impl.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.ServiceActivator;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HandlerMethodResolverTest {

    public static class Single {
        public String handle(String payload) {
            return payload;
        }

        public static String helper(String text) {
            return text;
        }

        String packagePrivate(String text) {
            return text;
        }

        @Override
        public String toString() {
            return "single";
        }

        @Override
        public boolean equals(Object other) {
            return other == this;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    public static class Several {
        public String upper(String text) {
            return text.toUpperCase();
        }

        public String lower(String text) {
            return text.toLowerCase();
        }
    }

    public static class Overloaded {
        public String handle(String text) {
            return text;
        }

        public String handle(Integer number) {
            return String.valueOf(number);
        }
    }

    public static class OneAnnotated {
        public String first(String text) {
            return text;
        }

        @ServiceActivator
        public String second(String text) {
            return text;
        }
    }

    public static class TwoAnnotated {
        @ServiceActivator
        public String first(String text) {
            return text;
        }

        @ServiceActivator
        public String second(String text) {
            return text;
        }
    }

    public static class PrivatelyAnnotated {
        public String visible(String text) {
            return text;
        }

        @ServiceActivator
        String hidden(String text) {
            return text;
        }
    }

    public static class StaticAnnotated {
        @ServiceActivator
        public static String handle(String text) {
            return text;
        }
    }

    public static class Nothing {
        @Override
        public String toString() {
            return "nothing";
        }
    }

    public abstract static class Base {
        public String handle(String text) {
            return text;
        }
    }

    public static class Derived extends Base {
    }

    public interface WithDefault {
        default String describe() {
            return "default";
        }
    }

    public static class ImplementsDefault implements WithDefault {
        public String handle(String text) {
            return text;
        }
    }

    /** The bean class, as a CDI container would see it. */
    public static class Service {
        public String handle(String text) {
            return text;
        }
    }

    /** Named like a Weld client proxy, with public methods of its own like the container's. */
    public static class Service$$Proxy extends Service {
        @Override
        public String handle(String text) {
            return super.handle(text);
        }

        public Object getTargetInstance() {
            return this;
        }

        public void proxyHandler(Object handler) {
        }
    }

    public interface Greeter {
        String greet(String name);

        default Greeter twice() {
            return name -> greet(greet(name));
        }
    }

    @Nested
    class ByName {

        @Test
        void selectsThePublicMethodOfThatName() throws Exception {
            assertThat(HandlerMethodResolver.resolve(Several.class, "lower", null))
                    .isEqualTo(Several.class.getMethod("lower", String.class));
        }

        @Test
        void findsInheritedPublicMethods() throws Exception {
            assertThat(HandlerMethodResolver.resolve(Derived.class, "handle", ServiceActivator.class))
                    .isEqualTo(Base.class.getMethod("handle", String.class));
        }

        @Test
        void takesPrecedenceOverTheMarker() throws Exception {
            assertThat(HandlerMethodResolver.resolve(OneAnnotated.class, "first", ServiceActivator.class))
                    .isEqualTo(OneAnnotated.class.getMethod("first", String.class));
        }

        @Test
        void overloadsAreAmbiguous() {
            assertThatThrownBy(() -> HandlerMethodResolver.resolve(Overloaded.class, "handle", null))
                    .isInstanceOf(InvalidHandlerMethodException.class)
                    .hasMessageContaining(Overloaded.class.getName())
                    .hasMessageContaining("2 public methods named 'handle'")
                    .hasMessageContaining("String handle(String)")
                    .hasMessageContaining("String handle(Integer)")
                    .hasMessageContaining("give the overloads different names");
        }

        @Test
        void anUnknownNameIsReportedWithThePublicMethods() {
            assertThatThrownBy(() -> HandlerMethodResolver.resolve(Several.class, "middle", null))
                    .isInstanceOf(InvalidHandlerMethodException.class)
                    .hasMessageContaining(Several.class.getName())
                    .hasMessageContaining("no public instance method named 'middle'")
                    .hasMessageContaining("[String lower(String), String upper(String)]")
                    .hasMessageContaining("name one of them");
        }

        @Test
        void aNonPublicOrStaticMethodOfThatNameIsPointedOut() {
            assertThatThrownBy(() -> HandlerMethodResolver.resolve(Single.class, "packagePrivate", null))
                    .hasMessageContaining("make it a public instance method");
            assertThatThrownBy(() -> HandlerMethodResolver.resolve(Single.class, "helper", null))
                    .hasMessageContaining("no public instance method named 'helper'")
                    .hasMessageContaining("make it a public instance method");
        }

        @Test
        void objectsOwnMethodsCannotBeNamed() {
            assertThatThrownBy(() -> HandlerMethodResolver.resolve(Several.class, "notifyAll", null))
                    .isInstanceOf(InvalidHandlerMethodException.class)
                    .hasMessageContaining("no public instance method named 'notifyAll'");
        }
    }

    @Nested
    class WithoutName {

        @Test
        void selectsTheOneAnnotatedMethod() throws Exception {
            assertThat(HandlerMethodResolver.resolve(OneAnnotated.class, null, ServiceActivator.class))
                    .isEqualTo(OneAnnotated.class.getMethod("second", String.class));
        }

        @Test
        void twoAnnotatedMethodsAreNamedInTheError() {
            assertThatThrownBy(() -> HandlerMethodResolver.resolve(TwoAnnotated.class, "", ServiceActivator.class))
                    .isInstanceOf(InvalidHandlerMethodException.class)
                    .hasMessageContaining(TwoAnnotated.class.getName())
                    .hasMessageContaining("2 methods annotated @ServiceActivator")
                    .hasMessageContaining("String first(String)")
                    .hasMessageContaining("String second(String)")
                    .hasMessageContaining("Annotate only one");
        }

        @Test
        void withoutAnnotationSelectsTheOnlyPublicInstanceMethod() throws Exception {
            // static methods and the overrides of Object's methods do not count
            assertThat(HandlerMethodResolver.resolve(Single.class, null, ServiceActivator.class))
                    .isEqualTo(Single.class.getMethod("handle", String.class));
        }

        @Test
        void inheritedDefaultMethodsDoNotCount() throws Exception {
            assertThat(HandlerMethodResolver.resolve(ImplementsDefault.class, null, null))
                    .isEqualTo(ImplementsDefault.class.getMethod("handle", String.class));
        }

        @Test
        void aMethodInheritedFromASuperclassCounts() throws Exception {
            assertThat(HandlerMethodResolver.resolve(Derived.class, null, null))
                    .isEqualTo(Base.class.getMethod("handle", String.class));
        }

        @Test
        void severalCandidatesAreListedWithTheWaysOut() {
            assertThatThrownBy(() -> HandlerMethodResolver.resolve(Several.class, null, ServiceActivator.class))
                    .isInstanceOf(InvalidHandlerMethodException.class)
                    .hasMessageContaining(Several.class.getName())
                    .hasMessageContaining("2 public methods and none is annotated @ServiceActivator")
                    .hasMessageContaining("[String lower(String), String upper(String)]")
                    .hasMessageContaining("Give the name of the method to invoke")
                    .hasMessageContaining("annotate one with @ServiceActivator");
        }

        @Test
        void withoutMarkerTheErrorOnlyAsksForAName() {
            assertThatThrownBy(() -> HandlerMethodResolver.resolve(Several.class, null, null))
                    .hasMessageContaining("Give the name of the method to invoke.")
                    .hasMessageNotContaining("annotate");
        }

        @Test
        void aClassWithoutCandidatesIsReported() {
            assertThatThrownBy(() -> HandlerMethodResolver.resolve(Nothing.class, null, ServiceActivator.class))
                    .isInstanceOf(InvalidHandlerMethodException.class)
                    .hasMessageContaining(Nothing.class.getName())
                    .hasMessageContaining("declares no public instance method to invoke");
        }

        @Test
        void aMarkerOnANonPublicMethodIsAnError() {
            assertThatThrownBy(() -> HandlerMethodResolver.resolve(PrivatelyAnnotated.class, null, ServiceActivator.class))
                    .isInstanceOf(InvalidHandlerMethodException.class)
                    .hasMessageContaining(PrivatelyAnnotated.class.getName())
                    .hasMessageContaining("@ServiceActivator on [String hidden(String)]")
                    .hasMessageContaining("Make it public");
        }

        @Test
        void aMarkerOnAStaticMethodIsAnError() {
            assertThatThrownBy(() -> HandlerMethodResolver.resolve(StaticAnnotated.class, null, ServiceActivator.class))
                    .hasMessageContaining("not a public instance method")
                    .hasMessageContaining("non-static");
        }
    }

    @Nested
    class GeneratedClasses {

        @Test
        void aProxySubclassSelectsLikeItsBeanClass() throws Exception {
            Method selected = HandlerMethodResolver.resolve(Service$$Proxy.class, null, ServiceActivator.class);
            assertThat(selected).isEqualTo(Service.class.getMethod("handle", String.class));
            assertThat(HandlerMethodResolver.resolve(Service$$Proxy.class, "handle", null)).isEqualTo(selected);
        }

        @Test
        void userClassWalksPastGeneratedClasses() {
            assertThat(HandlerMethodResolver.userClass(Service$$Proxy.class)).isEqualTo(Service.class);
            assertThat(HandlerMethodResolver.userClass(Service.class)).isEqualTo(Service.class);
        }

        @Test
        void aLambdaOffersItsFunctionalMethod() throws Exception {
            Function<String, String> lambda = String::trim;
            assertThat(HandlerMethodResolver.resolve(lambda.getClass(), null, ServiceActivator.class))
                    .isEqualTo(Function.class.getMethod("apply", Object.class));
        }

        @Test
        void anInterfaceOffersItsAbstractMethods() throws Exception {
            assertThat(HandlerMethodResolver.resolve(Greeter.class, null, null))
                    .isEqualTo(Greeter.class.getMethod("greet", String.class));
        }

        @Test
        void aJdkProxyOffersTheAbstractMethodsOfItsInterfaces() throws Exception {
            Object proxy = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Greeter.class},
                    (self, method, args) -> null);
            assertThat(HandlerMethodResolver.resolve(proxy.getClass(), null, null))
                    .isEqualTo(Greeter.class.getMethod("greet", String.class));
            assertThat(HandlerMethodResolver.resolve(proxy.getClass(), "twice", null))
                    .isEqualTo(Greeter.class.getMethod("twice"));
        }
    }
}
