package dev.junction.cdi;

import dev.junction.api.annotation.Channel;
import dev.junction.api.channel.LoadBalancingStrategy;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the load-balancing strategies of the direct channels Junction creates: a bean of type
 * {@link LoadBalancingStrategy} qualified {@code @Channel("x")} is the strategy of the created channel {@code x}.
 * Strategy beans without {@code @Channel} are left alone. A strategy for a channel the application declares itself
 * (its producer chooses its strategy), for a built-in channel, for a channel nothing uses, two strategies for one
 * channel, or one that cannot be created are problems ({@value DeploymentValidator#INVALID_LOAD_BALANCER}).
 */
final class LoadBalancerBeans {

    private final BeanManager beanManager;
    private final BeanReferences references;
    private final DeploymentValidator validator;
    private final DiscoveredBeans discovered;

    LoadBalancerBeans(BeanManager beanManager, BeanReferences references, DeploymentValidator validator,
            DiscoveredBeans discovered) {
        this.beanManager = Objects.requireNonNull(beanManager, "beanManager");
        this.references = Objects.requireNonNull(references, "references");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.discovered = Objects.requireNonNull(discovered, "discovered");
    }

    /** @return per created channel name, its strategy */
    Map<String, LoadBalancingStrategy> strategies(ChannelDescriptors channels) {
        Map<String, List<Bean<?>>> byChannel = new LinkedHashMap<>();
        for (Bean<?> bean : BeanReferences.sorted(discovered.ofType(beanManager, LoadBalancingStrategy.class,
                Any.Literal.INSTANCE))) {
            for (Annotation qualifier : bean.getQualifiers()) {
                if (qualifier instanceof Channel channel) {
                    byChannel.computeIfAbsent(channel.value(), name -> new ArrayList<>()).add(bean);
                }
            }
        }
        Map<String, LoadBalancingStrategy> strategies = new LinkedHashMap<>();
        byChannel.forEach((name, beans) -> {
            if (usable(name, beans, channels)) {
                try {
                    strategies.put(name, (LoadBalancingStrategy) references.of(beans.get(0),
                            LoadBalancingStrategy.class));
                } catch (RuntimeException failed) {
                    validator.problem(DeploymentValidator.INVALID_LOAD_BALANCER, "the load-balancing strategy "
                            + beans.get(0) + " of channel '" + name + "' could not be created: " + failed
                            + "; fix the bean");
                }
            }
        });
        return strategies;
    }

    private boolean usable(String name, List<Bean<?>> beans, ChannelDescriptors channels) {
        String problem = null;
        if (beans.size() > 1) {
            problem = "channel '" + name + "' has " + beans.size() + " load-balancing strategies: " + beans
                    + "; keep one";
        } else if (ChannelDescriptors.BUILT_IN.contains(name)) {
            problem = "channel '" + name + "' is built in and not load balanced, but " + beans.get(0)
                    + " is its load-balancing strategy; remove the @Channel qualifier from the strategy";
        } else if (channels.declared().containsKey(name)) {
            problem = "channel '" + name + "' is declared by " + channels.declared().get(name) + ", so its producer"
                    + " chooses its strategy (DirectChannel.builder().loadBalancer(...)), but " + beans.get(0)
                    + " is qualified @Channel(\"" + name + "\") too; configure the strategy in the producer and"
                    + " remove the qualifier from the strategy bean";
        } else if (!channels.synthesized().contains(name)) {
            problem = "no gateway, endpoint or injection point uses channel '" + name + "', but " + beans.get(0)
                    + " is its load-balancing strategy; correct the channel name or remove the bean";
        }
        if (problem != null) {
            validator.problem(DeploymentValidator.INVALID_LOAD_BALANCER, problem);
        }
        return problem == null;
    }
}
