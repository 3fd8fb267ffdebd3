package dev.junction.impl.support;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.util.Objects;

/**
 * A transaction manager seen as a user transaction: what begins and ends transactions of their own (a poll, a
 * delayer's release) needs only these operations, and a container's {@code UserTransaction} offers the same.
 *
 * @param manager the transaction manager every operation goes to
 */
public record ManagerDemarcation(TransactionManager manager) implements UserTransaction {

    /** @param manager the transaction manager every operation goes to */
    public ManagerDemarcation {
        Objects.requireNonNull(manager, "manager");
    }

    @Override
    public void begin() throws NotSupportedException, SystemException {
        manager.begin();
    }

    @Override
    public void commit() throws RollbackException, HeuristicMixedException, HeuristicRollbackException,
            SystemException {
        manager.commit();
    }

    @Override
    public void rollback() throws SystemException {
        manager.rollback();
    }

    @Override
    public void setRollbackOnly() throws SystemException {
        manager.setRollbackOnly();
    }

    @Override
    public int getStatus() throws SystemException {
        return manager.getStatus();
    }

    @Override
    public void setTransactionTimeout(int seconds) throws SystemException {
        manager.setTransactionTimeout(seconds);
    }
}
