package dev.safepip.wheel;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How to reach a wheel's URL the way pip would: the user's proxy (`--proxy`, else `https_proxy`/`http_proxy` and
 * `no_proxy`), the CA bundle (`--cert`, `PIP_CERT`), and the index's credentials (user:password in the index URL
 * pip was given, or the machine's entry in ~/.netrc). What pip can do and this cannot (a keyring, a client
 * certificate, a proxy that wants a password, `--trusted-host` over https) is said as a reason to fall back.
 *
 * @param indexUrls  the --index-url and --extra-index-url values (and PIP_INDEX_URL, PIP_EXTRA_INDEX_URL)
 * @param proxy      --proxy, or null
 * @param cert       --cert or PIP_CERT, or null
 * @param clientCert --client-cert, or null
 */
public record RemoteAccess(List<String> indexUrls, String proxy, String cert, String clientCert,
                           List<String> trustedHosts, Map<String, String> env, Path home) {

    /** A client and the headers for one URL. */
    public record Connection(HttpClient client, Map<String, String> headers) {
    }

    /** @throws IOException with the reason when this URL needs something only pip can do */
    public Connection connect(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("not an http(s) URL: " + scheme);
        }
        if (clientCert != null) {
            throw new IOException("the index wants a client certificate");
        }
        if (scheme.equals("https") && trustedHosts.stream().anyMatch(h -> h.equals(uri.getHost())
                || h.equals(uri.getHost() + ":" + uri.getPort()))) {
            throw new IOException(uri.getHost() + " is a --trusted-host");
        }
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL);
        URI proxyUri = proxyFor(uri, scheme);
        if (proxyUri != null) {
            if (proxyUri.getUserInfo() != null) {
                throw new IOException("the proxy wants a password");
            }
            int port = proxyUri.getPort() > 0 ? proxyUri.getPort() : 80;
            builder.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxyUri.getHost(), port)));
        } else {
            builder.proxy(HttpClient.Builder.NO_PROXY);
        }
        if (scheme.equals("https") && cert != null) {
            builder.sslContext(trusting(Path.of(cert)));
        }
        String credentials = credentialsFor(uri);
        Map<String, String> headers = credentials == null ? Map.of()
                : Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)));
        return new Connection(builder.build(), headers);
    }

    private URI proxyFor(URI uri, String scheme) throws IOException {
        String value = proxy;
        if (value == null) {
            if (bypassed(uri.getHost())) {
                return null;
            }
            value = firstSet(scheme + "_proxy", scheme.toUpperCase(Locale.ROOT) + "_PROXY", "all_proxy",
                    "ALL_PROXY");
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new URI(value.contains("://") ? value : "http://" + value);
        } catch (URISyntaxException e) {
            throw new IOException("a proxy setting that is not a URL", e);
        }
    }

    private boolean bypassed(String host) {
        String noProxy = firstSet("no_proxy", "NO_PROXY");
        if (noProxy == null) {
            return false;
        }
        for (String entry : noProxy.split(",")) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.equals("*") || !e.isEmpty() && (host.equals(e.replaceFirst("^\\.", ""))
                    || host.endsWith(e.startsWith(".") ? e : "." + e))) {
                return true;
            }
        }
        return false;
    }

    private String firstSet(String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** user:password for this host: from the URL itself, an index URL on the same host, or ~/.netrc. */
    String credentialsFor(URI uri) throws IOException {
        if (uri.getRawUserInfo() != null) {
            return decode(uri.getRawUserInfo());
        }
        for (String index : indexUrls) {
            try {
                URI i = new URI(index);
                if (i.getRawUserInfo() != null && uri.getHost().equalsIgnoreCase(i.getHost())
                        && uri.getPort() == i.getPort()) {
                    return decode(i.getRawUserInfo());
                }
            } catch (URISyntaxException e) {
                // pip will say what is wrong with it.
            }
        }
        return Netrc.credentials(netrcFile(), uri.getHost());
    }

    private Path netrcFile() {
        String file = env.get("NETRC");
        return file != null ? Path.of(file) : home.resolve(".netrc");
    }

    private static String decode(String userInfo) {
        int colon = userInfo.indexOf(':');
        String user = URLDecoder.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), StandardCharsets.UTF_8);
        String password = colon < 0 ? "" : URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
        return user + ":" + password;
    }

    /** A TLS context that trusts the PEM bundle pip was told to trust, as requests does with `verify=`. */
    private static SSLContext trusting(Path bundle) throws IOException {
        try (InputStream in = Files.newInputStream(bundle)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the CA bundle " + bundle + ": " + e.getMessage(), e);
        }
    }
}
