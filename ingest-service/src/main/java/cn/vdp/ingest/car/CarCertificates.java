package cn.vdp.ingest.car;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;

import io.vertx.core.http.HttpServerRequest;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemType;
import cn.vdp.common.vin.Vin;

/**
 * The one rule for who is sending: the VIN is the subject CN of the client certificate that the TLS handshake
 * verified against the fleet CA (the listener requires one; no other CA is trusted).
 */
public final class CarCertificates {

    public static final ProblemType NOT_A_VEHICLE = new ProblemType("certificate-not-a-vehicle", 403,
            "The client certificate does not identify a vehicle");

    private CarCertificates() {
    }

    public static String vin(HttpServerRequest request) {
        SSLSession session = request.sslSession();
        if (session == null) {
            throw refused("a client certificate from the fleet CA is required");
        }
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            throw refused("a client certificate from the fleet CA is required");
        }
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            throw refused("a client certificate from the fleet CA is required");
        }
        String cn = commonName(leaf.getSubjectX500Principal());
        if (cn == null || !Vin.isValid(cn)) {
            throw refused("the certificate's subject CN must be the vehicle's VIN");
        }
        return cn;
    }

    /** The single CN of a subject; null when there is none or more than one. */
    static String commonName(X500Principal subject) {
        try {
            List<String> names = new LdapName(subject.getName(X500Principal.RFC2253)).getRdns().stream()
                    .filter(rdn -> "CN".equalsIgnoreCase(rdn.getType())).map(Rdn::getValue)
                    .map(String::valueOf).toList();
            return names.size() == 1 ? names.get(0) : null;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(NOT_A_VEHICLE, detail);
    }
}
