package dev.junction.cdi;

import dev.junction.api.error.ConfigurationException;
import dev.junction.api.runtime.Declaration;
import dev.junction.impl.runtime.JunctionRuntime;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * Calls every {@link Declaration} bean of the deployment on the runtime, then builds the flows they declared, so
 * that their mistakes fail the deployment with everything else the validator found. A {@code @Dependent}
 * declaration is destroyed once called: nothing keeps it; a normal-scoped one lives on in its context.
 */
final class DeclarationBeans {

    private DeclarationBeans() {
    }

    static void declare(JunctionRuntime runtime, BeanManager beanManager, DeploymentValidator validator) {
        Instance<Declaration> declarations = beanManager.createInstance().select(Declaration.class,
                Any.Literal.INSTANCE);
        for (Instance.Handle<Declaration> handle : declarations.handles()) {
            try {
                handle.get().declare(runtime);
            } catch (ConfigurationException invalid) {
                invalid.getProblems().forEach(problem -> validator.problem(DeploymentValidator.FAILED_DECLARATION,
                        "The Declaration bean " + handle.getBean() + " declared something wrong: " + problem));
            } catch (RuntimeException failed) {
                validator.problem(DeploymentValidator.FAILED_DECLARATION, "The Declaration bean " + handle.getBean()
                        + " failed: " + failed + "; fix the bean so that its declare(Junction) completes");
            } finally {
                if (handle.getBean().getScope() == Dependent.class) {
                    handle.destroy();
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
}
