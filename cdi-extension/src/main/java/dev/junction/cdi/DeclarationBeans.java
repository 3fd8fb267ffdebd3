package dev.junction.cdi;

import dev.junction.api.error.ConfigurationException;
import dev.junction.api.runtime.Declaration;
import dev.junction.impl.runtime.JunctionRuntime;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@link Declaration} beans of a deployment, as the container reports them while it discovers beans, called on
 * the runtime at deployment validation; then the flows they declared are built, so that their mistakes fail the
 * deployment with everything else the validator found. The beans are kept as discovered rather than looked up by
 * type at validation: an application server may give the extension a bean manager that does not see every module's
 * beans by type (Payara did). A {@code @Dependent} declaration is destroyed once called; a normal-scoped one lives on
 * in its context.
 */
final class DeclarationBeans {

    private final List<Bean<?>> beans = new ArrayList<>();

    /** Keeps the bean when one of its types is {@link Declaration}. */
    void discovered(Bean<?> bean) {
        if (isDeclaration(bean.getTypes())) {
            beans.add(bean);
        }
    }

    void declare(JunctionRuntime runtime, BeanManager beanManager, DeploymentValidator validator) {
        for (Bean<?> bean : beans) {
            CreationalContext<?> context = beanManager.createCreationalContext(bean);
            try {
                ((Declaration) beanManager.getReference(bean, Declaration.class, context)).declare(runtime);
            } catch (ConfigurationException invalid) {
                invalid.getProblems().forEach(problem -> validator.problem(DeploymentValidator.FAILED_DECLARATION,
                        "The Declaration bean " + bean + " declared something wrong: " + problem));
            } catch (RuntimeException failed) {
                validator.problem(DeploymentValidator.FAILED_DECLARATION, "The Declaration bean " + bean
                        + " failed: " + failed + "; fix the bean so that its declare(Junction) completes");
            } finally {
                if (bean.getScope() == Dependent.class) {
                    context.release();
                }
            }
        }
        try {
            runtime.buildFlows();
        } catch (ConfigurationException invalid) {
            invalid.getProblems().forEach(problem -> validator.problem(DeploymentValidator.INVALID_FLOW,
                    "A flow declared by a Declaration bean is wrong: " + problem));
        }
    }

    private static boolean isDeclaration(Set<Type> types) {
        for (Type type : types) {
            if (type == Declaration.class) {
                return true;
            }
        }
        return false;
    }
}
