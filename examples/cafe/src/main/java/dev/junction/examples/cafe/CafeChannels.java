package dev.junction.examples.cafe;

import dev.junction.api.annotation.Channel;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.store.ChannelMessageStore;
import dev.junction.impl.store.jdbc.JdbcStores;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * The three queues of the cafe: {@code orders}, which the counter fills and the cashier polls, and the two the router
 * fills and the baristas poll. They are persistent: their messages wait in the cafe's H2 database (a JDBC channel
 * message store on the same XA data source as the ledger), so an order placed, or a drink called out, survives a
 * crash of the program, and a transactional poll's take commits or rolls back with the poll's other writes. Every
 * other channel of the cafe ({@code newOrders}, {@code drinks}, {@code preparedDrinks}, {@code failedDrinks}) is named by
 * an endpoint and declared by nobody, so the Junction extension makes it a direct channel: its subscriber runs in the
 * sender's thread (and transaction).
 */
@Dependent
public class CafeChannels {

    /** The queues' store: the tables {@code JNC_*} beside the ledger's, created when missing. */
    @Produces
    @ApplicationScoped
    ChannelMessageStore queues(AgroalDataSource database) {
        return JdbcStores.builder(database).build().createSchema().channelMessageStore();
    }

    @Produces
    @ApplicationScoped
    @Channel("orders")
    PollableChannel orders(ChannelMessageStore queues) {
        return MessageChannels.queue("orders", queues);
    }

    @Produces
    @ApplicationScoped
    @Channel("hotDrinks")
    PollableChannel hotDrinks(ChannelMessageStore queues) {
        return MessageChannels.queue("hotDrinks", queues);
    }

    @Produces
    @ApplicationScoped
    @Channel("coldDrinks")
    PollableChannel coldDrinks(ChannelMessageStore queues) {
        return MessageChannels.queue("coldDrinks", queues);
    }
}
