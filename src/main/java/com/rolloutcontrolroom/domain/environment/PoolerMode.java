package com.rolloutcontrolroom.domain.environment;

/**
 * How the environment's port is served. Behind a transaction pooler (PgBouncer in transaction mode,
 * Supabase's port 6543) consecutive transactions may run on different server connections, so
 * server-side prepared statements and session settings cannot be relied on.
 */
public enum PoolerMode {
    DIRECT("Direct connection"),
    TRANSACTION_POOLER("Transaction pooler");

    /** Supabase serves its transaction pooler (Supavisor) on this port. */
    public static final int SUPABASE_TRANSACTION_POOLER_PORT = 6543;

    private final String label;

    PoolerMode(String label) {
        this.label = label;
    }

    public static PoolerMode suggestedFor(int port) {
        return port == SUPABASE_TRANSACTION_POOLER_PORT ? TRANSACTION_POOLER : DIRECT;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
