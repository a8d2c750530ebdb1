import Foundation
import KarteiTesting
import Testing

/// `kartei transfer` between two demo installations, as the two treasurers would type it.
@Suite("kartei transfer")
struct TransferCLITests {
    let cli: CLITests

    init() throws { cli = try CLITests() }

    @Test("partner add both ways, transfer out, transfer in, replay refused, district officer denied, exit codes")
    func endToEnd() throws {
        let dirA = try TemporaryDirectory()
        let dirB = try TemporaryDirectory()
        let a = try cli.demo(dirA, members: 40)
        let b = try cli.demo(dirB, members: 40)
        let caA = try cli.run(["ca", "cert"], a)
        let caB = try cli.run(["ca", "cert"], b)
        try caA.stdout.write(toFile: dirA.file("ca-a.pem"), atomically: true, encoding: .utf8)
        try caB.stdout.write(toFile: dirB.file("ca-b.pem"), atomically: true, encoding: .utf8)
        let addB = try cli.run(["transfer", "partner", "add", "--name", "LV B", dirB.file("ca-b.pem")], a)
        #expect(addB.status == 0, "\(addB.stderr)")
        #expect(addB.stdout.contains("fingerprint (SHA-256)"))
        #expect(try cli.run(["transfer", "partner", "add", "--name", "LV A", dirA.file("ca-a.pem")], b).status == 0)
        #expect(try cli.run(["transfer", "partner", "add", "--name", "Wir", dirA.file("ca-a.pem")], a).status == 65)
        let partners = try cli.run(["transfer", "partner", "list", "--format", "json"], a)
        #expect(partners.stdout.contains("\"name\" : \"LV B\""))

        let listed = try cli.run(["member", "list", "--format", "json"], a)
        let people = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let number = try #require(people.first?["number"] as? Int)
        let package = dirA.file("\(number).kartei-transfer")
        let out = try cli.run(["transfer", "out", String(number), "--to", "LV B", "--out", package, "--reason", "Umzug"], a)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("transfers to LV B"))
        #expect(try cli.run(["transfer", "out", String(number), "--to", "LV B", "--out", package], a).status == 73)
        let shown = try cli.run(["member", "show", String(number), "--format", "json"], a)
        #expect(shown.stdout.contains("\"status\" : \"transferred\""))

        let district = try cli.parseEnvironment(dirB.file("demo/district.env"))
        let denied = try cli.run(["transfer", "in", package, "--district", "Leipzig"],
                                 district.merging(["KARTEI_CA_KEY": b["KARTEI_CA_KEY"]!,
                                                   "KARTEI_CA_PASSPHRASE_FILE": b["KARTEI_CA_PASSPHRASE_FILE"]!]) { $1 })
        #expect(denied.status == 77, "\(denied.stderr)")
        let taken = try cli.run(["transfer", "in", package, "--district", "Görlitz", "--format", "json"], b)
        #expect(taken.status == 0, "\(taken.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(taken.stdout.utf8)) as? [String: Any])
        let member = try #require(result["member"] as? [String: Any])
        let newNumber = try #require(member["number"] as? Int)
        #expect(member["event"] as? String == "transferIn" && member["district"] as? String == "Görlitz")
        #expect((result["transfer"] as? [String: Any])?["partnerNumber"] as? Int == number)
        let again = try cli.run(["transfer", "in", package, "--district", "Görlitz"], b)
        #expect(again.status == 65 && again.stderr.contains("already read in"), "\(again.stderr)")
        let german = try cli.run(["transfer", "in", package, "--district", "Görlitz"], b.merging(["LANG": "de_DE.UTF-8"]) { $1 })
        #expect(german.stderr.contains("schon") && german.stderr.contains("eingelesen"), "\(german.stderr)")
        let detail = try cli.run(["member", "show", String(newNumber)], b)
        #expect(detail.stdout.contains("Imported history"))
        let history = try cli.run(["member", "show", String(newNumber), "--format", "json"], b)
        #expect(history.stdout.contains("\"importedHistory\""))
        let transfers = try cli.run(["transfer", "list"], b)
        #expect(transfers.stdout.contains("  in  \(newNumber) (\(number))  LV A  "), "\(transfers.stdout)")

        // Not a package, and no file at all.
        try "hello".write(toFile: dirB.file("junk"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["transfer", "in", dirB.file("junk"), "--district", "Görlitz"], b).status == 65)
        #expect(try cli.run(["transfer", "in", dirB.file("missing"), "--district", "Görlitz"], b).status == 66)
    }
}
