package dev.junction.jaxrs.cdi;

import dev.junction.api.error.ConfigurationException;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.jaxrs.DefaultHttpHeaderMapper;
import dev.junction.jaxrs.HttpInboundGateways;
import dev.junction.jaxrs.annotation.HttpInboundAdapter;
import dev.junction.jaxrs.annotation.HttpInboundGateway;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns {@link HttpInboundGateway @HttpInboundGateway} and {@link HttpInboundAdapter @HttpInboundAdapter} on CDI
 * beans into declarations on the deployment's runtime: one synthetic {@link Declaration} bean builds them all with
 * {@link HttpInboundGateways#of(Junction)}, through the same builder as code does, so the defaults and the coded
 * problems are the same. Junction's CDI extension calls it with the other declarations, after the annotated
 * endpoints are wired (their input channels exist), and every problem fails the deployment naming the bean.
 *
 * <p>Registered as a service, so a deployment carrying {@code junction-jaxrs} has it; it adds nothing when no bean
 * carries the annotations.
 */
public class HttpAnnotationsExtension implements Extension {

    private final Set<Class<?>> annotatedTypes = new LinkedHashSet<>();
    private final Set<Class<?>> annotatedBeans = new LinkedHashSet<>();

    /** For the container's service loader. */
    public HttpAnnotationsExtension() {
    }

    /** Every annotated class, bean or not: an annotation on a class that never becomes a bean is a mistake. */
    <T> void annotatedType(@Observes @WithAnnotations({HttpInboundGateway.class, HttpInboundGateway.List.class,
            HttpInboundAdapter.class, HttpInboundAdapter.List.class}) ProcessAnnotatedType<T> event) {
        annotatedTypes.add(event.getAnnotatedType().getJavaClass());
    }

    <T> void annotatedBean(@Observes ProcessManagedBean<T> event) {
        Class<?> type = event.getAnnotatedBeanClass().getJavaClass();
        if (declares(type)) {
            annotatedBeans.add(type);
        }
    }

    void addDeclaration(@Observes AfterBeanDiscovery event) {
        if (annotatedTypes.isEmpty() && annotatedBeans.isEmpty()) {
            return;
        }
        List<Class<?>> beans = List.copyOf(annotatedBeans);
        List<Class<?>> notBeans = annotatedTypes.stream().filter(type -> !annotatedBeans.contains(type)).toList();
        Declaration declaration = junction -> declare(junction, beans, notBeans);
        event.addBean()
                .beanClass(HttpAnnotationsExtension.class)
                .types(Declaration.class, Object.class)
                .scope(Dependent.class)
                .qualifiers(Any.Literal.INSTANCE) // never injected: Junction's extension calls it as it finds it
                .createWith(context -> declaration);
    }

    private static boolean declares(Class<?> type) {
        return type.getAnnotationsByType(HttpInboundGateway.class).length > 0
                || type.getAnnotationsByType(HttpInboundAdapter.class).length > 0;
    }

    /** Declares every annotated gateway; all problems of all beans together, in one exception. */
    static void declare(Junction junction, List<Class<?>> beans, List<Class<?>> notBeans) {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : notBeans) {
            problems.add(AnnotationRule.NOT_A_BEAN.problem(type.getName() + " carries @HttpInboundGateway or"
                    + " @HttpInboundAdapter but is not a bean; make it a class with a bean-defining annotation such"
                    + " as @ApplicationScoped"));
        }
        HttpInboundGateways http = beans.isEmpty() ? null : HttpInboundGateways.of(junction);
        for (Class<?> bean : beans) {
            for (HttpInboundGateway gateway : bean.getAnnotationsByType(HttpInboundGateway.class)) {
                declare(bean, "@HttpInboundGateway", problems, () -> gateway(http, bean, gateway));
            }
            for (HttpInboundAdapter adapter : bean.getAnnotationsByType(HttpInboundAdapter.class)) {
                declare(bean, "@HttpInboundAdapter", problems, () -> adapter(http, bean, adapter));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    private static void declare(Class<?> bean, String annotation, List<String> problems, Runnable build) {
        try {
            build.run();
        } catch (ConfigurationException invalid) {
            // the builder's problem, its code first, now naming the annotated bean
            for (String problem : invalid.getProblems()) {
                int space = problem.indexOf(' ');
                String code = problem.startsWith("JNC-") && space > 0 ? problem.substring(0, space + 1) : "";
                problems.add(code + annotation + " on " + bean.getName() + ": " + problem.substring(code.length()));
            }
        }
    }

    private static void gateway(HttpInboundGateways http, Class<?> bean, HttpInboundGateway gateway) {
        dev.junction.jaxrs.HttpInboundGateway.Builder builder = http
                .inboundGateway(id(gateway.id(), bean, gateway.methods(), gateway.path()))
                .path(gateway.path()).methods(gateway.methods()).requestChannel(gateway.requestChannel())
                .consumes(gateway.consumes()).produces(gateway.produces())
                .requestTimeout(Duration.ofMillis(gateway.requestTimeout()))
                .replyTimeout(Duration.ofMillis(gateway.replyTimeout()))
                .maxBodySize(gateway.maxBodySize()).autoStartup(gateway.autoStartup());
        if (!gateway.replyChannel().isEmpty()) {
            builder.replyChannel(gateway.replyChannel());
        }
        if (!gateway.errorChannel().isEmpty()) {
            builder.errorChannel(gateway.errorChannel());
        }
        if (gateway.payloadType() != void.class) {
            builder.payloadType(gateway.payloadType());
        }
        if (gateway.requestHeaders().length > 0) {
            builder.headerMapper(DefaultHttpHeaderMapper.builder().requestHeaders(gateway.requestHeaders()).build());
        }
        builder.build();
    }

    private static void adapter(HttpInboundGateways http, Class<?> bean, HttpInboundAdapter adapter) {
        dev.junction.jaxrs.HttpInboundGateway.Builder builder = http
                .inboundAdapter(id(adapter.id(), bean, adapter.methods(), adapter.path()))
                .path(adapter.path()).methods(adapter.methods()).requestChannel(adapter.requestChannel())
                .consumes(adapter.consumes()).requestTimeout(Duration.ofMillis(adapter.requestTimeout()))
                .maxBodySize(adapter.maxBodySize()).autoStartup(adapter.autoStartup());
        if (!adapter.errorChannel().isEmpty()) {
            builder.errorChannel(adapter.errorChannel());
        }
        if (adapter.payloadType() != void.class) {
            builder.payloadType(adapter.payloadType());
        }
        if (adapter.requestHeaders().length > 0) {
            builder.headerMapper(DefaultHttpHeaderMapper.builder().requestHeaders(adapter.requestHeaders()).build());
        }
        builder.build();
    }

    /** @return the declared id, else one no other route can have: {@code Orders[POST /orders]} */
    static String id(String declared, Class<?> bean, String[] methods, String path) {
        return declared.isEmpty() ? bean.getSimpleName() + "[" + String.join(",", methods) + " " + path + "]"
                : declared;
    }
}
