package com.rolloutcontrolroom.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of a database that can be told to stop forwarding, in both
 * directions, while every socket stays open: what a client sees when a VPN drops or a firewall
 * starts discarding packets mid-query. No FIN, no RST: the client only learns of it by timing out.
 * It can also reset every connection at once.
 */
public final class StallingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean stalled;

    private StallingProxy(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
    }

    /** Listens on a free loopback port and forwards every connection to {@code host:port}. */
    public static StallingProxy start(String host, int port) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        StallingProxy proxy = new StallingProxy(listener, new InetSocketAddress(host, port));
        Thread acceptor = new Thread(proxy::accept, "stalling-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on no byte is forwarded either way, and nothing is closed. */
    public void stall() {
        stalled = true;
    }

    /** Drops every connection with a TCP reset (RST), as a firewall or a restarted pooler does. */
    public void reset() throws IOException {
        for (Socket socket : sockets) {
            try {
                socket.setSoLinger(true, 0); // close with RST instead of FIN
                socket.close();
            } catch (java.net.SocketException closedMeanwhile) {
                // a pump closed it between our look and the reset (its peer had gone): nothing left to reset
                if (!socket.isClosed()) {
                    throw closedMeanwhile;
                }
            }
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(target, 5_000);
                sockets.add(client);
                sockets.add(server);
                pump(client, server, "up");
                pump(server, client, "down");
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    while (stalled) {
                        Thread.sleep(50); // hold the bytes: the other side never sees them
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException closed) {
                // the proxy or one side closed
            }
        }, "stalling-proxy-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
