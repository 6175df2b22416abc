package eu.vetnet.learning.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;

/**
 * How a credential is secured: W3C VC-JOSE-COSE, a compact JWS whose payload is the credential itself
 * ({@code typ: vc+jwt}, {@code cty: vc}), ES256, with {@code kid} the issuer's id and the key's id joined by {@code #}.
 * Signed by Nimbus JOSE+JWT; nothing about the signature is written by hand.
 */
public final class Jws {

    public static final JOSEObjectType TYPE = new JOSEObjectType("vc+jwt");
    public static final String CONTENT_TYPE = "vc";

    private Jws() {
    }

    public static String sign(String credentialJson, String issuerId, IssuerKey key) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).contentType(CONTENT_TYPE)
                .keyID(issuerId + "#" + key.kid()).build();
        JWSObject jws = new JWSObject(header, new Payload(credentialJson));
        try {
            jws.sign(new ECDSASigner(key.key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign with key " + key.kid(), e);
        }
        return jws.serialize();
    }
}
