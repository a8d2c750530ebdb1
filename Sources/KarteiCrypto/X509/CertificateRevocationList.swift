import COpenSSL
import Foundation

public enum CRLReason: Int, Sendable, Codable, CaseIterable {
    case unspecified = 0, keyCompromise = 1, affiliationChanged = 3, superseded = 4, cessationOfOperation = 5
}

public struct RevokedCertificate: Sendable, Hashable {
    public var serial: [UInt8]
    public var revocationDate: Date
    public var reason: CRLReason

    public init(serial: [UInt8], revocationDate: Date, reason: CRLReason) {
        self.serial = serial
        self.revocationDate = revocationDate
        self.reason = reason
    }
}

/// A signed certificate revocation list (an owned X509_CRL*).
public final class CertificateRevocationList: @unchecked Sendable {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) { self.pointer = pointer }
    deinit { X509_CRL_free(pointer) }

    public convenience init(derEncoded: [UInt8]) throws {
        let crl: OpaquePointer? = derEncoded.withUnsafeBufferPointer { buffer in
            var p: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_X509_CRL(nil, &p, buffer.count)
        }
        guard let crl else { throw CryptoError.openSSL(.invalidInput, "d2i_X509_CRL") }
        self.init(taking: crl)
    }

    public convenience init(pemEncoded: String) throws {
        let bytes = Array(pemEncoded.utf8)
        let crl: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_X509_CRL(bio, nil, nil, nil)
        }
        guard let crl else { throw CryptoError.openSSL(.invalidInput, "PEM_read_bio_X509_CRL") }
        self.init(taking: crl)
    }

    public var derEncoded: [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_X509_CRL(pointer, &out)
        guard length > 0, let out else { return [] }
        defer { CKartei_OPENSSL_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }

    public var pemEncoded: String {
        guard let bio = CKartei_BIO_new_mem() else { return "" }
        defer { BIO_free(bio) }
        guard PEM_write_bio_X509_CRL(bio, pointer) == 1 else { return "" }
        return String(decoding: BIOBytes.bytes(bio), as: UTF8.self)
    }

    public var thisUpdate: Date { Date(timeIntervalSince1970: TimeInterval(CKartei_time(X509_CRL_get0_lastUpdate(pointer)))) }

    public var nextUpdate: Date? {
        guard let next = X509_CRL_get0_nextUpdate(pointer) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(CKartei_time(next)))
    }

    public var crlNumber: UInt64? {
        let number = CKartei_crl_number(pointer)
        return number < 0 ? nil : UInt64(number)
    }

    public var revoked: [RevokedCertificate] {
        var entries: [RevokedCertificate] = []
        withUnsafeMutablePointer(to: &entries) { context in
            CKartei_crl_each_revoked(pointer, { context, serial, length, when, reason in
                guard let context, let serial else { return }
                let list = context.assumingMemoryBound(to: [RevokedCertificate].self)
                list.pointee.append(RevokedCertificate(
                    serial: Array(UnsafeBufferPointer(start: serial, count: Int(length))),
                    revocationDate: Date(timeIntervalSince1970: TimeInterval(when)),
                    reason: CRLReason(rawValue: Int(reason)) ?? .unspecified))
            }, context)
        }
        return entries
    }

    public func isSignedBy(_ issuer: Certificate) -> Bool {
        guard let key = X509_get0_pubkey(issuer.pointer) else { return false }
        let valid = X509_CRL_verify(pointer, key) == 1
        _ = OpenSSLErrorQueue.drain()
        return valid
    }

    /// A v2 CRL signed with ECDSA-SHA256, with CRL number and authority key identifier.
    public static func make(issuer: Certificate, issuerKey: PrivateKey, revoked: [RevokedCertificate], number: UInt64,
                            thisUpdate: Date, nextUpdate: Date) throws -> CertificateRevocationList {
        guard let crl = X509_CRL_new() else { throw CryptoError.openSSL(.openSSL, "X509_CRL_new") }
        guard let last = ASN1_TIME_set(nil, ASN1Time.timeT(thisUpdate)),
              let next = ASN1_TIME_set(nil, ASN1Time.timeT(nextUpdate)) else {
            X509_CRL_free(crl)
            throw CryptoError.openSSL(.openSSL, "ASN1_TIME_set")
        }
        defer {
            ASN1_TIME_free(last)
            ASN1_TIME_free(next)
        }
        var ok = X509_CRL_set_version(crl, 1) == 1
            && X509_CRL_set_issuer_name(crl, X509_get_subject_name(issuer.pointer)) == 1
            && X509_CRL_set1_lastUpdate(crl, last) == 1
            && X509_CRL_set1_nextUpdate(crl, next) == 1
        for entry in revoked where ok {
            ok = entry.serial.withUnsafeBufferPointer {
                CKartei_crl_add_revoked(crl, $0.baseAddress, Int32($0.count), ASN1Time.timeT(entry.revocationDate),
                                        Int32(entry.reason.rawValue)) == 1
            }
        }
        ok = ok && CKartei_crl_add_number_and_aki(crl, issuer.pointer, Int(number)) == 1
            && X509_CRL_sort(crl) == 1
            && X509_CRL_sign(crl, issuerKey.pointer, EVP_sha256()) > 0
        guard ok else {
            X509_CRL_free(crl)
            throw CryptoError.openSSL(.certificate, "building the CRL")
        }
        return CertificateRevocationList(taking: crl)
    }
}
