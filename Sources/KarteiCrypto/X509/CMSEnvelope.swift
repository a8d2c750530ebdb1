import COpenSSL
import Foundation

/// CMS AuthEnvelopedData (RFC 5083): AES-256-GCM content encryption, recipients identified by
/// subject key identifier, P-256 recipients through ECDH with a SHA-256 KDF. What
/// `openssl cms -encrypt -aes-256-gcm -keyid -keyopt ecdh_kdf_md:sha256` makes and
/// `openssl cms -decrypt` opens.
public enum CMSEnvelope {
    public static func seal(_ data: SecretBytes, to recipients: [Certificate]) throws -> [UInt8] {
        var pointers: [OpaquePointer?] = recipients.map { $0.pointer }
        let bio: OpaquePointer? = data.withUnsafeBytes { content in
            pointers.withUnsafeMutableBufferPointer { list in
                CKartei_cms_seal(content.bindMemory(to: UInt8.self).baseAddress, Int32(content.count), list.baseAddress,
                                 Int32(list.count))
            }
        }
        guard let bio else { throw CryptoError.openSSL(.encryptionFailed, "CMS AuthEnvelopedData") }
        defer { BIO_free(bio) }
        return BIOBytes.bytes(bio)
    }

    /// Whether `certificate` is named as a recipient of the DER envelope (by its identifiers only;
    /// `open` checks the rest); nil when the bytes are not one CMS (Auth)EnvelopedData.
    public static func isRecipient(_ der: [UInt8], certificate: Certificate) -> Bool? {
        let found = der.withUnsafeBufferPointer {
            CKartei_cms_has_recipient($0.baseAddress, Int32($0.count), certificate.pointer)
        }
        _ = OpenSSLErrorQueue.drain()
        return found < 0 ? nil : found == 1
    }

    /// The content, if the certificate is a recipient and the envelope authenticates.
    public static func open(_ der: [UInt8], certificate: Certificate, privateKey: PrivateKey) throws -> SecretBytes {
        let bio: OpaquePointer? = der.withUnsafeBufferPointer {
            CKartei_cms_open($0.baseAddress, Int32($0.count), certificate.pointer, privateKey.pointer)
        }
        guard let bio else {
            _ = OpenSSLErrorQueue.drain()
            throw CryptoError(.authenticationFailed, "CMS envelope does not open with this key")
        }
        defer { BIO_free(bio) }
        return try BIOBytes.secret(bio)
    }
}
