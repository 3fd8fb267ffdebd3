package dev.junction.tcp.adapter;

import jakarta.resource.spi.ManagedConnectionMetaData;

/** What a managed connection tells about its peer: a TCP endpoint, with no product, version or user of its own. */
record TcpConnectionMetaData(String peer) implements ManagedConnectionMetaData {

    @Override
    public String getEISProductName() {
        return "TCP peer " + peer;
    }

    @Override
    public String getEISProductVersion() {
        return "";
    }

    /** @return 0: the peer sets no limit the adapter knows of */
    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public String getUserName() {
        return "";
    }
}
