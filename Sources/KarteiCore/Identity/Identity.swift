import Foundation
import KarteiCrypto

/// A certificate with its private key: how a user proves who they are.
public struct Identity: @unchecked Sendable {
    public let certificate: Certificate
    public let privateKey: PrivateKey
    public let chain: [Certificate]

    public init(certificate: Certificate, privateKey: PrivateKey, chain: [Certificate] = []) {
        self.certificate = certificate
        self.privateKey = privateKey
        self.chain = chain
    }
}

/// Where an identity comes from: a PKCS#12 bundle (.p12, .pfx) or a PEM file with the
/// certificate and the (usually encrypted) private key, and the passphrase that opens it.
public struct IdentitySource: Sendable {
    public var path: String
    public var passphrase: SecretBytes

    public init(path: String, passphrase: SecretBytes) {
        self.path = path
        self.passphrase = passphrase
    }

    var isPKCS12: Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".p12") || lower.hasSuffix(".pfx")
    }

    private func contents() throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoreError(FileManager.default.fileExists(atPath: path) ? .identityUnreadable : .fileMissing, ["path": path])
        }
        return [UInt8](data)
    }

    /// The certificate, read without the passphrase (to know whose failed attempt it was); nil
    /// for a bundle that encrypts its certificates too (what `openssl pkcs12 -export` writes by
    /// default): its certificate is known once the passphrase opened it.
    public func visibleCertificate() throws -> Certificate? {
        let bytes = try contents()
        do {
            if isPKCS12 {
                return try PKCS12Bundle.certificatesWithoutPassphrase(bytes).first(where: { !$0.isCA })
            }
            guard let first = try Certificate.certificates(fromPEM: String(decoding: bytes, as: UTF8.self))
                .first(where: { !$0.isCA }) else {
                throw CoreError(.identityUnreadable, ["path": path])
            }
            return first
        } catch let error as CoreError {
            throw error
        } catch {
            throw CoreError(.identityUnreadable, ["path": path])
        }
    }

    /// The certificate: the visible one, else the one the passphrase reveals.
    public func certificate() throws -> Certificate {
        if let visible = try visibleCertificate() { return visible }
        return try load().certificate
    }

    /// SHA-256 of each encrypted key the bundle carries in its unencrypted part (PKCS#12 only).
    public func encryptedKeyDigests() -> [[UInt8]] {
        guard isPKCS12, let bytes = try? contents() else { return [] }
        return (try? PKCS12Bundle.encryptedKeyDigests(bytes)) ?? []
    }

    /// The whole identity; the private key must belong to the certificate.
    public func load() throws -> Identity {
        let bytes = try contents()
        let identity: Identity
        do {
            if isPKCS12 {
                let contents = try PKCS12Bundle.open(bytes, passphrase: passphrase)
                identity = Identity(certificate: contents.certificate, privateKey: contents.privateKey, chain: contents.chain)
            } else {
                let pem = String(decoding: bytes, as: UTF8.self)
                guard let certificate = try visibleCertificate() else { throw CoreError(.identityUnreadable, ["path": path]) }
                identity = Identity(certificate: certificate, privateKey: try PrivateKey.fromPEM(pem, passphrase: passphrase))
            }
        } catch let error as CryptoError where error.code == .wrongPassphrase {
            throw CoreError(.identityWrongPassphrase, ["path": path])
        } catch let error as CryptoError where error.code == .unsupportedAlgorithm {
            throw CoreError(.identityLegacyEncryption, ["path": path])
        } catch let error as CoreError {
            throw error
        } catch {
            throw CoreError(.identityUnreadable, ["path": path])
        }
        let visible = try visibleCertificate()
        guard identity.privateKey.matches(try identity.certificate.publicKey),
              visible.map({ $0.derEncoded == identity.certificate.derEncoded }) ?? true else {
            throw CoreError(.identityKeyMismatch, ["path": path])
        }
        return identity
    }
}

extension Result {
    /// The error of a failed result.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
