import COpenSSL
import Foundation

/// CMS SignedData (RFC 5652 §5) with the content attached: one signer, SHA-256, the signer's
/// certificate included. What `openssl cms -sign -binary -nodetach -md sha256` makes and
/// `openssl cms -verify -binary -CAfile anchor.pem -purpose sslclient` checks. Owns its
/// `CMS_ContentInfo`.
public final class CMSSignedData: @unchecked Sendable {
    let pointer: OpaquePointer
    /// The whole ContentInfo, DER.
    public let derEncoded: [UInt8]

    private init(taking pointer: OpaquePointer) throws {
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_CMS_ContentInfo(pointer, &out)
        guard length > 0, let out else {
            CMS_ContentInfo_free(pointer)
            throw CryptoError.openSSL(.openSSL, "i2d_CMS_ContentInfo")
        }
        defer { CKartei_OPENSSL_free(out) }
        self.pointer = pointer
        derEncoded = Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }

    deinit { CMS_ContentInfo_free(pointer) }

    /// Signs `content` with the key of `certificate`.
    public static func sign(_ content: [UInt8], certificate: Certificate, privateKey: PrivateKey) throws -> CMSSignedData {
        guard privateKey.matches(try certificate.publicKey) else {
            throw CryptoError(.invalidKey, "key does not match certificate")
        }
        let cms: OpaquePointer? = content.withUnsafeBufferPointer {
            CKartei_cms_sign($0.baseAddress, Int32($0.count), certificate.pointer, privateKey.pointer)
        }
        guard let cms else { throw CryptoError.openSSL(.openSSL, "CMS_sign") }
        return try CMSSignedData(taking: cms)
    }

    /// Reads a DER SignedData with attached content; anything else (another CMS type, trailing
    /// bytes, detached content) is `invalidInput`. Nothing is verified yet.
    public convenience init(derEncoded: [UInt8]) throws {
        let cms: OpaquePointer? = derEncoded.withUnsafeBufferPointer {
            CKartei_cms_signed_parse($0.baseAddress, Int32($0.count))
        }
        guard let cms else {
            _ = OpenSSLErrorQueue.drain()
            throw CryptoError(.invalidInput, "not a CMS SignedData with attached content")
        }
        try self.init(taking: cms)
    }

    /// The attached content as it stands, before any verification: only for choosing the trust
    /// anchor to verify with.
    public var unverifiedContent: [UInt8] {
        var length: Int32 = 0
        guard let bytes = CKartei_cms_content(pointer, &length), length > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: bytes, count: Int(length)))
    }

    /// The certificate of the only signer as included in the message, not verified; nil when
    /// there is not exactly one signer or the certificate is missing.
    public var signerCertificate: Certificate? {
        guard let x509 = CKartei_cms_signer_cert(pointer) else {
            _ = OpenSSLErrorQueue.drain()
            return nil
        }
        return try? Certificate(taking: x509)
    }

    /// Verifies the signature over the content and the signer's certificate against `trustAnchor`
    /// alone (no system certificates), for `purpose`, at `time`; returns the verified content.
    /// Any failure is `authenticationFailed`; `CertificateVerifier` on `signerCertificate` tells
    /// a certificate problem from a bad signature.
    public func verify(trustAnchor: Certificate, purpose: CertificatePurpose, at time: Date) throws -> [UInt8] {
        guard let bio = CKartei_BIO_new_mem() else { throw CryptoError.openSSL(.openSSL, "BIO_new") }
        defer { BIO_free(bio) }
        let purposeID = purpose == .clientAuth ? X509_PURPOSE_SSL_CLIENT : X509_PURPOSE_SSL_SERVER
        guard CKartei_cms_verify(pointer, trustAnchor.pointer, purposeID, ASN1Time.timeT(time), bio) == 1 else {
            throw CryptoError.openSSL(.authenticationFailed, "CMS_verify")
        }
        return BIOBytes.bytes(bio)
    }
}
