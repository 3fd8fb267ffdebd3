package dev.junction.tck.wildfly.security;

import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Sends commands to the control bus on the calling thread, inside this enterprise bean's invocation: the control bus
 * checks the roles of this bean's caller. Anyone may call it; the control bus decides.
 */
@Stateless
@PermitAll
@DeclareRoles("operator")
public class Commands {

    @Inject
    Junction junction;

    public void send(String command) {
        junction.channel("controlBus").send(Message.of(command));
    }
}
