package dev.junction.jaxrs;

import dev.junction.impl.endpoint.AbstractEndpoint;
import dev.junction.impl.endpoint.EndpointRegistry;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Registers an endpoint built outside {@code impl} with the runtime's {@link EndpointRegistry}, so the runtime
 * starts and stops it and {@code junction.endpoint(id)} finds it.
 *
 * <p>A stopgap: {@code EndpointRegistry.register(AbstractEndpoint)} is package-private in {@code impl} today, so it
 * is called reflectively (allowed on the class path, where both jars share the unnamed module). Once the method is
 * public, this class becomes a direct call. Should reflection be denied, the gateway is not registered and says so:
 * it still follows its runtime's running state, since it checks it on every request.
 */
final class RuntimeAccess {

    private static final System.Logger LOG = System.getLogger(RuntimeAccess.class.getName());

    private RuntimeAccess() {
    }

    /**
     * @return whether the endpoint was registered
     * @throws IllegalStateException from the registry, when another endpoint has the id
     */
    static boolean register(EndpointRegistry endpoints, AbstractEndpoint endpoint) {
        Method register;
        try {
            register = EndpointRegistry.class.getDeclaredMethod("register", AbstractEndpoint.class);
            register.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException denied) {
            LOG.log(Level.WARNING, endpoint + " cannot be registered with its runtime (" + denied + "); it refuses"
                    + " requests while the runtime does not run, but junction.endpoint(id) will not find it");
            return false;
        }
        try {
            register.invoke(endpoints, endpoint);
            return true;
        } catch (InvocationTargetException refused) {
            if (refused.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(refused.getCause());
        } catch (IllegalAccessException denied) {
            LOG.log(Level.WARNING, endpoint + " cannot be registered with its runtime (" + denied + ")");
            return false;
        }
    }
}
