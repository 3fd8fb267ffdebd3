package dev.junction.tcp.adapter.it.app;

import dev.junction.tcp.adapter.TcpRequestListener;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

/**
 * The inbound endpoint: a message-driven bean of the adapter's listener interface, answering with the CDI bean. Its
 * port and address come from the deployment's ejb-jar.xml, written by the test with a free port.
 */
// tag::endpoint[]
@MessageDriven(name = "ShoutEndpoint", messageListenerInterface = TcpRequestListener.class)
public class ShoutEndpoint implements TcpRequestListener {

    @Inject
    Shouter shouter;

    @Override
    public byte[] onRequest(byte[] request) {
        return shouter.shout(request);
    }
}
// end::endpoint[]
