import COpenSSL
import Foundation

/// An X.509 certificate (an owned X509*).
public final class Certificate: @unchecked Sendable, Hashable, CustomStringConvertible {
    let pointer: OpaquePointer
    /// DER, kept for equality and hashing.
    public let derEncoded: [UInt8]

    init(taking pointer: OpaquePointer) throws {
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_X509(pointer, &out)
        guard length > 0, let out else {
            X509_free(pointer)
            throw CryptoError.openSSL(.certificate, "i2d_X509")
        }
        defer { CKartei_OPENSSL_free(out) }
        self.pointer = pointer
        derEncoded = Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }

    public convenience init(derEncoded: [UInt8]) throws {
        let certificate: OpaquePointer? = derEncoded.withUnsafeBufferPointer { buffer in
            var p: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_X509(nil, &p, buffer.count)
        }
        guard let certificate else { throw CryptoError.openSSL(.certificate, "d2i_X509") }
        try self.init(taking: certificate)
    }

    public convenience init(pemEncoded: String) throws {
        guard let first = try Certificate.certificates(fromPEM: pemEncoded).first else {
            throw CryptoError(.certificate, "no certificate in PEM")
        }
        try self.init(derEncoded: first.derEncoded)
    }

    /// Every certificate in a PEM text, in order.
    public static func certificates(fromPEM pem: String) throws -> [Certificate] {
        let bytes = Array(pem.utf8)
        return try bytes.withUnsafeBufferPointer { buffer -> [Certificate] in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else {
                throw CryptoError.openSSL(.openSSL, "BIO_new_mem_buf")
            }
            defer { BIO_free(bio) }
            var result: [Certificate] = []
            while let x509 = PEM_read_bio_X509(bio, nil, nil, nil) {
                result.append(try Certificate(taking: x509))
            }
            _ = OpenSSLErrorQueue.drain() // the read that ended the loop
            return result
        }
    }

    deinit { X509_free(pointer) }

    public static func == (lhs: Certificate, rhs: Certificate) -> Bool { lhs.derEncoded == rhs.derEncoded }
    public func hash(into hasher: inout Hasher) { hasher.combine(derEncoded) }

    public var pemEncoded: String {
        guard let bio = CKartei_BIO_new_mem() else { return "" }
        defer { BIO_free(bio) }
        guard PEM_write_bio_X509(bio, pointer) == 1 else { return "" }
        return String(decoding: BIOBytes.bytes(bio), as: UTF8.self)
    }

    public var serialNumber: [UInt8] {
        guard let bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(pointer), nil) else { return [] }
        defer { BN_free(bn) }
        var out = [UInt8](repeating: 0, count: Int((BN_num_bits(bn) + 7) / 8))
        let n = BN_bn2bin(bn, &out)
        return Array(out.prefix(Int(n)))
    }

    /// Lowercase hex of the serial number.
    public var serialHex: String { Hex.string(serialNumber) }

    public var subjectCommonName: String? { X509Name.entry(X509_get_subject_name(pointer), NID_commonName) }
    public var subjectOrganization: String? { X509Name.entry(X509_get_subject_name(pointer), NID_organizationName) }
    public var subjectDN: String { X509Name.oneLine(X509_get_subject_name(pointer)) }
    public var issuerDN: String { X509Name.oneLine(X509_get_issuer_name(pointer)) }

    public var notBefore: Date { Date(timeIntervalSince1970: TimeInterval(CKartei_time(X509_get0_notBefore(pointer)))) }
    public var notAfter: Date { Date(timeIntervalSince1970: TimeInterval(CKartei_time(X509_get0_notAfter(pointer)))) }

    public var publicKey: PublicKey {
        get throws {
            guard let key = X509_get_pubkey(pointer) else { throw CryptoError.openSSL(.certificate, "X509_get_pubkey") }
            return try PublicKey(taking: key)
        }
    }

    public var subjectKeyIdentifier: [UInt8]? {
        guard let identifier = X509_get0_subject_key_id(pointer) else { return nil }
        return Array(UnsafeBufferPointer(start: ASN1_STRING_get0_data(identifier), count: Int(ASN1_STRING_length(identifier))))
    }

    public var sha256Fingerprint: [UInt8] { SHA256.hash(derEncoded) }

    public var isCA: Bool { X509_check_ca(pointer) > 0 }

    public var roleExtension: RoleExtension? {
        guard let value = CKartei_oid_ext_value(pointer, RoleExtension.oid) else { return nil }
        let bytes = Array(UnsafeBufferPointer(start: ASN1_STRING_get0_data(value), count: Int(ASN1_STRING_length(value))))
        return RoleExtension(der: bytes)
    }

    public var uriSubjectAlternativeNames: [String] { alternativeNames(type: GEN_URI) }
    public var dnsSubjectAlternativeNames: [String] { alternativeNames(type: GEN_DNS) }

    private func alternativeNames(type: Int32) -> [String] {
        var names: [String] = []
        withUnsafeMutablePointer(to: &names) { context in
            CKartei_each_san(pointer, type, { context, value, length in
                guard let context, let value else { return }
                let list = context.assumingMemoryBound(to: [String].self)
                list.pointee.append(value.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
                })
            }, context)
        }
        return names
    }

    public var extendedKeyUsages: Set<ExtendedKeyUsage> {
        let flags = X509_get_extended_key_usage(pointer)
        guard flags != UInt32.max else { return [] }
        var result: Set<ExtendedKeyUsage> = []
        if flags & UInt32(XKU_SSL_CLIENT) != 0 { result.insert(.clientAuth) }
        if flags & UInt32(XKU_SSL_SERVER) != 0 { result.insert(.serverAuth) }
        return result
    }

    /// Whether issuer's key signed this certificate and its names chain.
    public func isSignedBy(_ issuer: Certificate) -> Bool {
        guard let key = X509_get0_pubkey(issuer.pointer) else { return false }
        let verified = X509_verify(pointer, key) == 1
        _ = OpenSSLErrorQueue.drain()
        return verified && X509_check_issued(issuer.pointer, pointer) == X509_V_OK
    }

    public var description: String { "Certificate(serial: \(serialHex), subject: \(subjectDN))" }
}

public enum ExtendedKeyUsage: String, Sendable, Hashable, Codable {
    case clientAuth, serverAuth
}

enum X509Name {
    static func entry(_ name: OpaquePointer?, _ nid: Int32) -> String? {
        guard let name else { return nil }
        let index = X509_NAME_get_index_by_NID(name, nid, -1)
        guard index >= 0, let entry = X509_NAME_get_entry(name, index), let data = X509_NAME_ENTRY_get_data(entry) else {
            return nil
        }
        var out: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&out, data)
        guard length >= 0, let out else { return nil }
        defer { CKartei_OPENSSL_free(out) }
        return String(decoding: UnsafeBufferPointer(start: out, count: Int(length)), as: UTF8.self)
    }

    static func oneLine(_ name: OpaquePointer?) -> String {
        guard let name, let bio = CKartei_BIO_new_mem() else { return "" }
        defer { BIO_free(bio) }
        _ = X509_NAME_print_ex(bio, name, 0, CKartei_XN_FLAG_RFC2253())
        return String(decoding: BIOBytes.bytes(bio), as: UTF8.self)
    }
}

enum ASN1Time {
    static func timeT(_ date: Date) -> time_t { time_t(date.timeIntervalSince1970.rounded(.down)) }
}
