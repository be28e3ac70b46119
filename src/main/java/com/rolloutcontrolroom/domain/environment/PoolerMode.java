package com.rolloutcontrolroom.domain.environment;

/**
 * Retired: profiles used to say whether a transaction pooler (PgBouncer in transaction mode,
 * Supabase's port 6543) served the port, and only then were server-side prepared statements turned
 * off. Nothing tells a client that a pooler is in front of the server, so a profile that did not
 * say so failed under load; now every connection is safe behind one, and this setting changes
 * nothing. Kept only for the deprecated {@link EnvironmentProfile} constructor; config files that
 * still hold {@code poolerMode} load, and the value is dropped at the next save.
 *
 * @deprecated every connection is pooler-safe; remove with the constructor that takes it
 */
@Deprecated(forRemoval = true)
public enum PoolerMode {
    DIRECT,
    TRANSACTION_POOLER
}
