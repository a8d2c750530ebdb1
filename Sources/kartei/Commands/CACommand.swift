import ArgumentParser
import Foundation
import KarteiCore
import KarteiMessages

/// `kartei ca …`: the vault's certificate authority.
struct CACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ca",
        abstract: L(.helpCAAbstract),
        subcommands: [Cert.self, CRL.self]
    )

    struct Cert: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpCACertAbstract), discussion: L(.helpCACertDiscussion))
        @OptionGroup var access: VaultAccessOptions

        func run() throws {
            let certificate = try access.withSession { session in try session.authority.certificate() }
            FileHandle.standardOutput.write(Data(certificate.pemEncoded.utf8))
        }
    }

    struct CRL: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpCACRLAbstract), discussion: L(.helpCACRLDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @OptionGroup var caKey: CAKeyOptions
        @Flag(name: .long, help: ArgumentHelp(L(.helpOptionSignCRL))) var sign = false
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionOut), valueName: "file")) var out: String?

        func run() throws {
            if let out { try NewFile.checkAvailable(out) }
            let session = try access.openSession()
            defer { try? session.close() }
            let crl = sign ? try session.authority.signCRL(caKey: caKey.load(session)!) : try session.authority.currentCRL()
            try session.close()
            guard let crl else { throw CLIError(.cliNoCRL, exitCode: .failure) }
            if let out {
                try NewFile.write(crl.pemEncoded, to: out)
                Console.note(Message(.caCRLWritten, ["path": out, "next": crl.nextUpdate.map { Dates.day(of: $0).iso } ?? "-"]))
            } else {
                FileHandle.standardOutput.write(Data(crl.pemEncoded.utf8))
            }
        }
    }
}
