package com.chatwebsite.plugin.limit;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a request comes from, for rate limits: the socket's peer, or, when the admin names a header
 * their proxy sets, the address the proxy wrote there. Never resolves names.
 */
public final class ClientAddress {

    private static final int MAX_RAW = 64;

    private ClientAddress() {
    }

    /**
     * The client's address.
     *
     * <p>With a trusted header, its last entry is taken: a proxy appends the peer it saw to
     * {@code X-Forwarded-For}, so earlier entries are whatever the client sent and prove nothing.
     * {@code Forwarded} ({@code for=…}), a port and IPv6 brackets are understood. A header that is
     * missing or holds no IP address falls back to the socket's peer.
     *
     * @param socketPeer the socket's remote address, as the host gives it
     * @param trustedHeader the value of the header the admin trusts, when set and present
     * @return a normalized IP address, or the peer as given (shortened) if it is not one
     */
    public static String resolve(String socketPeer, Optional<String> trustedHeader) {
        Optional<String> forwarded = trustedHeader.flatMap(ClientAddress::lastEntry).flatMap(ClientAddress::parse);
        if (forwarded.isPresent()) {
            return forwarded.get();
        }
        String peer = socketPeer == null ? "" : socketPeer.strip();
        return parse(peer).orElse(peer.length() > MAX_RAW ? peer.substring(0, MAX_RAW) : peer);
    }

    /**
     * The key an address's requests are counted under: an IPv4 address itself, an IPv6 address's
     * /64 network (one subscriber usually holds a whole /64 and can use any address in it).
     *
     * @param address an address from {@link #resolve}
     * @return the key
     */
    public static String bucketKey(String address) {
        if (!InetAddresses.isInetAddress(address)) {
            return address;
        }
        InetAddress a = InetAddresses.forString(address);
        if (a instanceof Inet6Address) {
            byte[] b = a.getAddress();
            StringBuilder out = new StringBuilder(24);
            for (int i = 0; i < 8; i += 2) {
                out.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
            }
            return out.append(":/64").toString();
        }
        return address;
    }

    private static Optional<String> lastEntry(String header) {
        int comma = header.lastIndexOf(',');
        String last = (comma < 0 ? header : header.substring(comma + 1)).strip();
        return last.isEmpty() ? Optional.empty() : Optional.of(last);
    }

    /** An address from an entry: {@code 203.0.113.7}, {@code 203.0.113.7:4711}, {@code [2001:db8::1]:443}, {@code for="…"}. */
    private static Optional<String> parse(String entry) {
        String v = entry;
        for (String part : v.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "for=", 0, 4)) {
                v = p.substring(4);
                break;
            }
        }
        v = v.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            v = v.substring(1, close);
        } else if (v.indexOf(':') > 0 && v.indexOf(':') == v.lastIndexOf(':')) {
            v = v.substring(0, v.indexOf(':')); // IPv4 with a port
        }
        if (v.length() > MAX_RAW || !InetAddresses.isInetAddress(v)) {
            return Optional.empty();
        }
        // an IPv4-mapped IPv6 address comes back as the IPv4 address
        return Optional.of(InetAddresses.toAddrString(InetAddresses.forString(v)).toLowerCase(Locale.ROOT));
    }
}
