import COpenSSL
import Foundation

/// Makes certificates. The issuer decides every extension; nothing is copied from a request.
public enum CertificateBuilder {
    /// A self-signed CA: CA:TRUE pathlen:0, keyCertSign+cRLSign, critical name constraints that
    /// permit only dirName O=<organization> and URIs on <uriHost>.
    public static func makeCA(key: PrivateKey, commonName: String, organization: String, uriHost: String,
                              serial: [UInt8], notBefore: Date, validityDays: Int) throws -> Certificate {
        let x509 = try start(serial: serial, notBefore: notBefore, validityDays: validityDays,
                             organization: organization, commonName: commonName, publicKey: key.pointer)
        guard let subject = X509_get_subject_name(x509), X509_set_issuer_name(x509, subject) == 1,
              CKartei_add_ext(x509, x509, NID_basic_constraints, "critical,CA:TRUE,pathlen:0") == 1,
              CKartei_add_ext(x509, x509, NID_key_usage, "critical,keyCertSign,cRLSign") == 1,
              CKartei_add_ext(x509, x509, NID_subject_key_identifier, "hash") == 1,
              CKartei_add_name_constraints(x509, organization, uriHost) == 1,
              X509_sign(x509, key.pointer, EVP_sha256()) > 0 else {
            X509_free(x509)
            throw CryptoError.openSSL(.certificate, "building the CA certificate")
        }
        return try Certificate(taking: x509)
    }

    /// A leaf signed by the CA: CA:FALSE, digitalSignature+keyAgreement, the given extended key
    /// usages, key identifiers, the alternative names and kartei's role extension.
    public static func makeLeaf(subjectKey: PublicKey, commonName: String, organization: String, role: RoleExtension,
                                uris: [String], dnsNames: [String], extendedKeyUsages: Set<ExtendedKeyUsage>,
                                serial: [UInt8], notBefore: Date, validityDays: Int,
                                issuer: Certificate, issuerKey: PrivateKey) throws -> Certificate {
        let x509 = try start(serial: serial, notBefore: notBefore, validityDays: validityDays,
                             organization: organization, commonName: commonName, publicKey: subjectKey.pointer)
        let names = (uris.map { "URI:" + $0 } + dnsNames.map { "DNS:" + $0 }).joined(separator: ",")
        let usages = extendedKeyUsages.map(\.rawValue).sorted().joined(separator: ",")
        let roleDER = role.der
        let ok = X509_set_issuer_name(x509, X509_get_subject_name(issuer.pointer)) == 1
            && CKartei_add_ext(x509, issuer.pointer, NID_basic_constraints, "critical,CA:FALSE") == 1
            && CKartei_add_ext(x509, issuer.pointer, NID_key_usage, "critical,digitalSignature,keyAgreement") == 1
            && (usages.isEmpty || CKartei_add_ext(x509, issuer.pointer, NID_ext_key_usage, usages) == 1)
            && CKartei_add_ext(x509, issuer.pointer, NID_subject_key_identifier, "hash") == 1
            && CKartei_add_ext(x509, issuer.pointer, NID_authority_key_identifier, "keyid:always") == 1
            && (names.isEmpty || CKartei_add_ext(x509, issuer.pointer, NID_subject_alt_name, names) == 1)
            && CKartei_add_oid_ext(x509, RoleExtension.oid, 0, roleDER, Int32(roleDER.count)) == 1
            && X509_sign(x509, issuerKey.pointer, EVP_sha256()) > 0
        guard ok else {
            X509_free(x509)
            throw CryptoError.openSSL(.certificate, "building a leaf certificate")
        }
        return try Certificate(taking: x509)
    }

    /// A new X509 with version 3, serial, validity, subject O=… CN=… and public key.
    private static func start(serial: [UInt8], notBefore: Date, validityDays: Int, organization: String,
                              commonName: String, publicKey: OpaquePointer) throws -> OpaquePointer {
        guard let x509 = X509_new() else { throw CryptoError.openSSL(.openSSL, "X509_new") }
        let start = ASN1Time.timeT(notBefore)
        let end = start + time_t(validityDays) * 86_400
        let serialOK: Bool = serial.withUnsafeBufferPointer { buffer in
            guard let bn = BN_bin2bn(buffer.baseAddress, Int32(buffer.count), nil) else { return false }
            defer { BN_free(bn) }
            guard let integer = BN_to_ASN1_INTEGER(bn, nil) else { return false }
            defer { ASN1_INTEGER_free(integer) }
            return X509_set_serialNumber(x509, integer) == 1
        }
        // Name order O, then CN: the CA's dirName constraint O=… is then a prefix of every subject.
        let name = X509_get_subject_name(x509)
        guard serialOK, X509_set_version(x509, 2) == 1,
              ASN1_TIME_set(X509_getm_notBefore(x509), start) != nil,
              ASN1_TIME_set(X509_getm_notAfter(x509), end) != nil,
              CKartei_name_add(name, "O", organization) == 1,
              CKartei_name_add(name, "CN", commonName) == 1,
              X509_set_pubkey(x509, publicKey) == 1 else {
            X509_free(x509)
            throw CryptoError.openSSL(.certificate, "certificate fields")
        }
        return x509
    }
}
