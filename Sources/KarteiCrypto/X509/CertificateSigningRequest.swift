import COpenSSL
import Foundation

/// A PKCS#10 certificate request (an owned X509_REQ*).
public final class CertificateSigningRequest: @unchecked Sendable {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) { self.pointer = pointer }
    deinit { X509_REQ_free(pointer) }

    public convenience init(derEncoded: [UInt8]) throws {
        let request: OpaquePointer? = derEncoded.withUnsafeBufferPointer { buffer in
            var p: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_X509_REQ(nil, &p, buffer.count)
        }
        guard let request else { throw CryptoError.openSSL(.invalidInput, "d2i_X509_REQ") }
        self.init(taking: request)
    }

    public convenience init(pemEncoded: String) throws {
        let bytes = Array(pemEncoded.utf8)
        let request: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_X509_REQ(bio, nil, nil, nil)
        }
        guard let request else { throw CryptoError.openSSL(.invalidInput, "PEM_read_bio_X509_REQ") }
        self.init(taking: request)
    }

    public var publicKey: PublicKey {
        get throws {
            guard let key = X509_REQ_get_pubkey(pointer) else { throw CryptoError.openSSL(.invalidKey, "X509_REQ_get_pubkey") }
            return try PublicKey(taking: key)
        }
    }

    public var subjectCommonName: String? { X509Name.entry(X509_REQ_get_subject_name(pointer), NID_commonName) }

    /// Dotted OIDs of the extensions the request asks for.
    public var requestedExtensionOIDs: [String] {
        var oids: [String] = []
        withUnsafeMutablePointer(to: &oids) { context in
            CKartei_each_req_ext_oid(pointer, { context, value, length in
                guard let context, let value else { return }
                let list = context.assumingMemoryBound(to: [String].self)
                list.pointee.append(value.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
                })
            }, context)
        }
        _ = OpenSSLErrorQueue.drain()
        return oids
    }

    public var isSelfSignatureValid: Bool {
        guard let key = X509_REQ_get0_pubkey(pointer) else { return false }
        let valid = X509_REQ_verify(pointer, key) == 1
        _ = OpenSSLErrorQueue.drain()
        return valid
    }

    public var pemEncoded: String {
        guard let bio = CKartei_BIO_new_mem() else { return "" }
        defer { BIO_free(bio) }
        guard PEM_write_bio_X509_REQ(bio, pointer) == 1 else { return "" }
        return String(decoding: BIOBytes.bytes(bio), as: UTF8.self)
    }

    /// A request with a common name, optionally asking for a subjectAltName URI.
    public static func make(key: PrivateKey, commonName: String, requestingSubjectAltURI: String? = nil) throws
        -> CertificateSigningRequest {
        guard let request = X509_REQ_new() else { throw CryptoError.openSSL(.openSSL, "X509_REQ_new") }
        let ok = X509_REQ_set_version(request, 0) == 1
            && CKartei_name_add(X509_REQ_get_subject_name(request), "CN", commonName) == 1
            && X509_REQ_set_pubkey(request, key.pointer) == 1
            && (requestingSubjectAltURI.map { CKartei_req_add_san_uri(request, $0) == 1 } ?? true)
            && X509_REQ_sign(request, key.pointer, EVP_sha256()) > 0
        guard ok else {
            X509_REQ_free(request)
            throw CryptoError.openSSL(.certificate, "building a request")
        }
        return CertificateSigningRequest(taking: request)
    }
}
