import COpenSSL
import Foundation

public enum VerificationFailure: Sendable, Hashable {
    case expired, notYetValid, revoked, untrustedIssuer, badSignature, wrongPurpose
    case crlMissing, crlExpired, nameConstraintViolation, notALeaf
    case other(code: Int32, reason: String)
}

public enum CertificatePurpose: Sendable {
    case clientAuth, serverAuth
}

/// Verifies a leaf against one trust anchor, like
/// `openssl verify -x509_strict -purpose sslclient -CAfile ca -crl_check -CRLfile crl`, at a given
/// time. With no CRLs, revocation is not checked (the caller checks it another way).
public struct CertificateVerifier: @unchecked Sendable {
    let trustAnchor: Certificate
    let crls: [CertificateRevocationList]

    public init(trustAnchor: Certificate, crls: [CertificateRevocationList]) {
        self.trustAnchor = trustAnchor
        self.crls = crls
    }

    /// Only the validity period (no chain): nil when `time` lies within it.
    public static func validity(of certificate: Certificate, at time: Date) -> VerificationFailure? {
        if time < certificate.notBefore { return .notYetValid }
        if time > certificate.notAfter { return .expired }
        return nil
    }

    /// nil when the certificate is valid.
    public func verify(_ leaf: Certificate, purpose: CertificatePurpose, at time: Date) -> VerificationFailure? {
        guard let store = X509_STORE_new() else { return .other(code: -1, reason: "X509_STORE_new") }
        defer { X509_STORE_free(store) }
        guard let context = X509_STORE_CTX_new() else { return .other(code: -1, reason: "X509_STORE_CTX_new") }
        defer { X509_STORE_CTX_free(context) }
        guard X509_STORE_add_cert(store, trustAnchor.pointer) == 1 else { return .other(code: -1, reason: "add anchor") }
        for crl in crls { _ = X509_STORE_add_crl(store, crl.pointer) }
        guard X509_STORE_CTX_init(context, store, leaf.pointer, nil) == 1 else { return .other(code: -1, reason: "init") }
        let parameters = X509_STORE_CTX_get0_param(context)
        X509_VERIFY_PARAM_set_time(parameters, ASN1Time.timeT(time))
        var flags = UInt(X509_V_FLAG_X509_STRICT)
        if !crls.isEmpty { flags |= UInt(X509_V_FLAG_CRL_CHECK) }
        X509_VERIFY_PARAM_set_flags(parameters, flags)
        _ = X509_STORE_CTX_set_purpose(context, purpose == .clientAuth ? X509_PURPOSE_SSL_CLIENT : X509_PURPOSE_SSL_SERVER)
        let verified = X509_verify_cert(context)
        _ = OpenSSLErrorQueue.drain()
        if verified == 1 { return nil }
        let code = X509_STORE_CTX_get_error(context)
        switch code {
        case X509_V_ERR_CERT_HAS_EXPIRED: return .expired
        case X509_V_ERR_CERT_NOT_YET_VALID: return .notYetValid
        case X509_V_ERR_CERT_REVOKED: return .revoked
        case X509_V_ERR_CERT_SIGNATURE_FAILURE, X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE,
             X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: return .badSignature
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
             X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
             X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT: return .untrustedIssuer
        case X509_V_ERR_INVALID_PURPOSE: return .wrongPurpose
        case X509_V_ERR_UNABLE_TO_GET_CRL: return .crlMissing
        case X509_V_ERR_CRL_HAS_EXPIRED: return .crlExpired
        case X509_V_ERR_PERMITTED_VIOLATION, X509_V_ERR_EXCLUDED_VIOLATION, X509_V_ERR_UNSUPPORTED_NAME_SYNTAX,
             X509_V_ERR_UNSUPPORTED_CONSTRAINT_SYNTAX: return .nameConstraintViolation
        case X509_V_ERR_INVALID_CA, X509_V_ERR_INVALID_NON_CA: return .notALeaf
        default:
            return .other(code: code, reason: String(cString: X509_verify_cert_error_string(Int(code))))
        }
    }
}
