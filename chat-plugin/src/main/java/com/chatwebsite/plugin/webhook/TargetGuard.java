package com.chatwebsite.plugin.webhook;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses a webhook may reach. Unless an endpoint allows private targets, an address that is
 * loopback, link-local (169.254.169.254 included), private (10/8, 172.16/12, 192.168/16), CGNAT
 * (100.64/10), unique-local IPv6 (fc00::/7), site-local IPv6, multicast, unspecified, "this network"
 * (0/8), reserved (240/4) or broadcast is refused, also when written as IPv4 inside IPv6 (mapped,
 * compatible, NAT64 64:ff9b::/96, 6to4 2002::/16). The host name is resolved on every attempt and the
 * connection goes only to the addresses checked here ({@link #resolve}), so DNS cannot change between
 * the check and the connect.
 */
public final class TargetGuard {

    /** Resolves host names; the JDK's resolver in production. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** A target that must not be reached; the message is the delivery log's reason. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Resolver resolver;

    public TargetGuard(Resolver resolver) {
        this.resolver = resolver;
    }

    /** With the JDK's resolver. */
    public static TargetGuard system() {
        return new TargetGuard(host -> List.of(InetAddress.getAllByName(host)));
    }

    /**
     * Resolves a host and checks every address it has.
     *
     * @param host a name or an IP literal (IPv6 with or without brackets)
     * @param allowPrivate whether the admin allowed private targets for this endpoint
     * @return the addresses to connect to
     * @throws Refused if any address is not allowed (the message names it and why)
     * @throws UnknownHostException if the name does not resolve (a retry may succeed)
     */
    public List<InetAddress> resolve(String host, boolean allowPrivate) throws Refused, UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses = InetAddresses.isInetAddress(bare) ? List.of(InetAddresses.forString(bare))
                : List.copyOf(resolver.resolve(bare));
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host + " has no address");
        }
        if (!allowPrivate) {
            for (InetAddress a : addresses) {
                Optional<String> why = notPublic(a);
                if (why.isPresent()) {
                    throw new Refused("target refused: " + host + " resolves to " + a.getHostAddress() + ", "
                            + why.get() + " (allowPrivateTargets is off)");
                }
            }
        }
        return addresses;
    }

    /**
     * Checks a URL's host as saved, without DNS: an IP literal or a {@code localhost} name that is not public.
     *
     * @param host the host
     * @return why it is refused, or empty
     */
    public static Optional<String> literalNotPublic(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String lower = bare.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost")) {
            return Optional.of("a loopback name");
        }
        return InetAddresses.isInetAddress(bare) ? notPublic(InetAddresses.forString(bare)) : Optional.empty();
    }

    /**
     * Why an address is not a public one.
     *
     * @param a the address
     * @return the reason, or empty for a public address
     */
    public static Optional<String> notPublic(InetAddress a) {
        if (a instanceof Inet6Address v6) {
            Optional<Inet4Address> embedded = embeddedIpv4(v6.getAddress());
            if (embedded.isPresent()) {
                return notPublic(embedded.get()).map(why -> why + " inside an IPv6 address");
            }
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (a.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("a carrier-grade NAT address");
            }
            if (first == 0) {
                return Optional.of("a \"this network\" address");
            }
            if (first >= 240) {
                return Optional.of("a reserved or broadcast address");
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return Optional.of("an IETF protocol assignment address");
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return Optional.of("a benchmarking address");
            }
        } else if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique-local address");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address. */
    private static Optional<Inet4Address> embeddedIpv4(byte[] b) {
        boolean zeroTen = true;
        for (int i = 0; i < 10; i++) {
            zeroTen &= b[i] == 0;
        }
        boolean mapped = zeroTen && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroTen && b[10] == 0 && b[11] == 0 && !(allZero(b, 12, 15) && (b[15] == 0 || b[15] == 1));
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(v4(b[12], b[13], b[14], b[15]));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Optional.of(v4(b[2], b[3], b[4], b[5]));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Inet4Address v4(byte a, byte b, byte c, byte d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}
