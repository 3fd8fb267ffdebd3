package dev.junction.tck.wildfly.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/** Calls {@link Commands} as the role {@code operator}: the caller the control bus sees has the role. */
@Stateless
@PermitAll
@RunAs("operator")
public class OperatorDesk {

    @EJB
    Commands commands;

    public void send(String command) {
        commands.send(command);
    }
}
