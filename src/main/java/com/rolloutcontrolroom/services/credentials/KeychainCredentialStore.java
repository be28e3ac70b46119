package com.rolloutcontrolroom.services.credentials;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OS keychain through java-keyring (macOS Keychain, Windows Credential Manager, Linux Secret
 * Service). Every call runs on a worker thread and is abandoned after a timeout, because a call can
 * hang when no keyring daemon answers; a locked keyring fails with a bare NullPointerException from
 * inside the Secret Service client. Both, and everything else, become one sentence.
 */
public final class KeychainCredentialStore implements CredentialStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeychainCredentialStore.class);
    private static final CredentialKey PROBE = new CredentialKey(CredentialKey.SERVICE, "probe");

    /** Long enough for a slow D-Bus round trip, short enough that a hung keyring is reported soon. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Duration timeout;
    private ExecutorService worker;
    /**
     * One keyring session, used only on the worker thread: java-keyring opens a D-Bus connection per
     * session (kept per worker thread, as a hung call keeps its thread), which cost the journal's head write 36–68 ms per append when made anew for every call.
     */
    private final ThreadLocal<Keyring> session = new ThreadLocal<>();

    public KeychainCredentialStore(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void store(CredentialKey key, char[] secret) throws CredentialException {
        // java-keyring takes a String; it lives only as long as this call
        call("storing " + key.account() + " in the keychain", keyring -> {
            keyring.setPassword(key.service(), key.account(), new String(secret));
            return null;
        });
    }

    @Override
    public Optional<char[]> read(CredentialKey key) throws CredentialException {
        return call("reading " + key.account() + " from the keychain", keyring -> {
            try {
                return Optional.of(keyring.getPassword(key.service(), key.account()).toCharArray());
            } catch (PasswordAccessException e) {
                if (isMissing(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public void delete(CredentialKey key) throws CredentialException {
        call("removing " + key.account() + " from the keychain", keyring -> {
            try {
                keyring.deletePassword(key.service(), key.account());
            } catch (PasswordAccessException e) {
                if (!isMissing(e)) {
                    throw e;
                }
            }
            return null;
        });
    }

    /** Writes, reads back and removes a probe item: creating an item is what a locked keyring refuses. */
    @Override
    public KeychainStatus probe() {
        try {
            String backend = call("checking the keychain", keyring -> {
                keyring.setPassword(PROBE.service(), PROBE.account(), "probe");
                String back = keyring.getPassword(PROBE.service(), PROBE.account());
                keyring.deletePassword(PROBE.service(), PROBE.account());
                if (!"probe".equals(back)) {
                    throw new PasswordAccessException("the keychain returned a different value than was stored");
                }
                return keyring.getKeyringStorageType().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
            });
            return KeychainStatus.available(backend);
        } catch (CredentialException e) {
            return KeychainStatus.unavailable(e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (worker != null) {
            worker.submit(this::closeSession);
            worker.shutdown(); // the session closes after any call in flight; a hung call is not waited for
            worker = null;
        }
    }

    private <T> T call(String action, KeychainCall<T> work) throws CredentialException {
        ExecutorService current = worker();
        Future<T> future = current.submit(() -> onWorker(work));
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            abandon(current);
            throw new CredentialException("The OS keychain did not answer within " + timeout.toSeconds() + " s while " + action
                    + "; check that a keychain service (e.g. gnome-keyring) is running and unlocked.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialException("Interrupted while " + action + "; try again.", e);
        } catch (ExecutionException e) {
            throw translate(action, e.getCause());
        }
    }

    /** Runs on the worker thread only; a failed call drops the session so the next one starts clean. */
    private <T> T onWorker(KeychainCall<T> work) throws Exception {
        if (session.get() == null) {
            session.set(Keyring.create());
        }
        try {
            return work.apply(session.get());
        } catch (PasswordAccessException e) {
            throw e; // an answer from a working session (e.g. no such item): keep the session
        } catch (Exception | Error e) {
            closeSession();
            throw e;
        }
    }

    private void closeSession() {
        Keyring closing = session.get();
        session.remove();
        if (closing != null) {
            try {
                closing.close();
            } catch (Exception e) {
                LOG.debug("closing a keychain session failed", e);
            }
        }
    }

    private static CredentialException translate(String action, Throwable failure) {
        LOG.debug("keychain call failed while {}", action, failure);
        if (failure instanceof BackendNotSupportedException) {
            return new CredentialException("No OS keychain is available (on Linux: no Secret Service on the D-Bus session bus); "
                    + "start and unlock a keychain such as gnome-keyring.", failure);
        }
        if (failure instanceof PasswordAccessException) {
            return new CredentialException("The OS keychain refused " + action + " (" + failure.getMessage().strip()
                    + "); unlock the keychain and try again.", failure);
        }
        // a locked Secret Service collection with no prompt available surfaces as a NullPointerException
        return new CredentialException("The OS keychain is locked or failed while " + action
                + "; unlock it (log in to the desktop session or run gnome-keyring-daemon --unlock) and try again.", failure);
    }

    private static boolean isMissing(PasswordAccessException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("No stored credentials") || message.toLowerCase(java.util.Locale.ROOT).contains("not found");
    }

    private synchronized ExecutorService worker() {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "keychain");
                thread.setDaemon(true);
                return thread;
            });
        }
        return worker;
    }

    /** A hung call keeps its thread; later calls get a fresh one instead of queueing behind it. */
    private synchronized void abandon(ExecutorService hung) {
        hung.shutdownNow();
        if (worker == hung) {
            worker = null;
        }
    }

    @FunctionalInterface
    private interface KeychainCall<T> {
        T apply(Keyring keyring) throws Exception;
    }
}
