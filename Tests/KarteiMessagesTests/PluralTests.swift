@testable import KarteiMessages
import Testing

/// Counts choose the plural form by the language's rule; German reads as German, not "1 Personen".
@Suite("Plural forms")
struct PluralTests {
    @Test("German and English: one for exactly 1, other for everything else (0 too)")
    func rule() {
        for language in Language.allCases {
            #expect(language.pluralFormCount == 2)
            #expect(language.pluralForm(for: 1) == 0)
            for count in [0, 2, 3, 11, 21, 101, 1_000_000, -1] { #expect(language.pluralForm(for: count) == 1, "\(count)") }
            #expect(language.pluralFormsHeader == "nplurals=2; plural=(n != 1);")
        }
    }

    @Test("a count chooses the form and fills {count}", arguments: [
        (MessageKey.vaultCheckProblems, 1, "1 Problem gefunden.", "1 problem found."),
        (.vaultCheckProblems, 3, "3 Probleme gefunden.", "3 problems found."),
        (.memberImported, 1, "1 Person aus x.csv importiert.", "1 person imported from x.csv."),
        (.memberImported, 0, "0 Personen aus x.csv importiert.", "0 people imported from x.csv."),
        (.memberImportInvalid, 1, "x.csv: 1 Zeile mit Fehlern", "x.csv: 1 line with errors"),
        (.memberImportInvalid, 2, "x.csv: 2 Zeilen mit Fehlern", "x.csv: 2 lines with errors"),
        (.memberImportMoreProblems, 1, "… und 1 weiterer Fehler.", "… and 1 more problem."),
        (.userRevoked, 1, "Benutzer 3 gesperrt; 1 Zertifikat widerrufen.", "User 3 revoked; 1 certificate revoked."),
        (.userRevoked, 2, "Benutzer 3 gesperrt; 2 Zertifikate widerrufen.", "User 3 revoked; 2 certificates revoked."),
        (.duesArrearsSince, 1, "offen seit 03.2026 (1 Monat)", "open since 03.2026 (1 month)"),
        (.duesArrearsSince, 4, "offen seit 03.2026 (4 Monate)", "open since 03.2026 (4 months)"),
        (.userLockoutSet, 1, "Benutzer werden nach 1 Fehlversuch gesperrt.", "Users are locked after 1 failed attempt."),
        (.auditRetentionSet, 1, "bis zum Ende des 1. Jahres", "until 1 full year after"),
        (.auditRetentionSet, 10, "bis zum Ende des 10. Jahres", "until 10 full years after"),
        (.anniversaryJubilee, 1, "1 Jahr Mitglied", "1 year a member"),
        (.problemColumns, 1, "die Zeile hat 1 Feld, die Kopfzeile 9", "the line has 1 field, the header 9"),
    ] as [(MessageKey, Int, String, String)])
    func counted(key: MessageKey, count: Int, german: String, english: String) {
        let message = Message(key, count: count, ["file": "x.csv", "id": "3", "month": "03.2026", "expected": "9"])
        #expect(message.text(in: .german).contains(german), "\(message.text(in: .german))")
        #expect(message.text(in: .english).contains(english), "\(message.text(in: .english))")
    }

    @Test("a {count} argument chooses the form too (core errors pass their arguments as text)")
    func countArgument() {
        let message = Message(.coreExportNeedsApproval, ["count": "1", "threshold": "0"])
        #expect(message.count == 1)
        #expect(message.text(in: .german).hasPrefix("Diese Ausgabe enthält 1 Person, mehr als 0:"))
        #expect(Message(.coreErasureNeedsApproval, ["count": "1"]).text(in: .english).hasPrefix("Erasing 1 person needs"))
        #expect(Message(.coreRollbackDetected, ["count": "1", "current": "0", "finding": "f"]).text(in: .german)
            .contains("schon mit 1 Eintrag, der Tresor hat 0"))
        // Without a number the "other" form is shown.
        #expect(Message(.memberImported, ["file": "x.csv"]).text(in: .english) == "{count} people imported from x.csv.")
        #expect(Message(.memberImported, ["count": "1.234", "file": "x.csv"]).text(in: .german) == "1.234 Personen aus x.csv importiert.")
    }

    @Test("messages with several counts take each count's phrase as a placeholder")
    func severalCounts() {
        func de(_ key: MessageKey, _ count: Int) -> String { Message(key, count: count).text(in: .german) }
        func en(_ key: MessageKey, _ count: Int) -> String { Message(key, count: count).text(in: .english) }
        let check = Message(.vaultCheckSummary, ["pages": de(.vaultPages, 1), "frames": de(.vaultCheckFrames, 1)])
        #expect(check.text(in: .german) == "Geprüft: 1 Seite der Tresordatei, 1 Block der WAL-Datei.")
        let checks = Message(.vaultCheckSummary, ["pages": en(.vaultPages, 12), "frames": en(.vaultCheckFrames, 0)])
        #expect(checks.text(in: .english) == "Checked: 12 pages of the vault file, 0 frames of the WAL file.")
        let rekey = Message(.vaultRekeyDone, count: 1, ["pages": de(.vaultPages, 40)])
        #expect(rekey.text(in: .german) == "Neuer Datenschlüssel: 40 Seiten neu verschlüsselt, 1 Schlüsselinhaber hat den neuen Schlüssel.")
        let removed = Message(.holderRemoved, count: 1, ["id": "3f2a", "pages": en(.vaultPages, 40)])
        #expect(removed.text(in: .english).hasSuffix("(40 pages, 1 remaining key holder)."))
        let verified = Message(.auditVerifySummary, count: 1, ["size": de(.auditVerifyEntries, 1), "content": "1", "erased": "0"])
        #expect(verified.text(in: .german) == "Protokoll mit 1 Eintrag (1 mit Inhalt, 0 gelöscht), 1 Prüfpunkt bestätigt.")
        let exported = Message(.auditExported, count: 2, ["path": "a", "entries": en(.auditExportedEntries, 1)])
        #expect(exported.text(in: .english) == "Log exported to a: 1 entry, 2 checkpoints.")
        let district = Message(.duesDistrictSummary, count: 1, ["district": "Leipzig", "inArrears": "1", "arrears": "12,00 €",
                                                                "oldest": de(.duesMonths, 1), "a": "1", "b": "0", "c": "0", "d": "0"])
        #expect(district.text(in: .german) == "Leipzig: 1 von 1 Mitglied im Rückstand, zusammen 12,00 €; älteste Schuld 1 Monat "
                + "(0–2: 1, 3–5: 0, 6–11: 0, ab 12: 0)")
        let payments = Message(.duesPaymentsImported, count: 1, ["total": "5,00 €", "members": de(.duesPaymentMembers, 1), "file": "b.csv"])
        #expect(payments.text(in: .german) == "1 Zahlung über 5,00 € für 1 Mitglied aus b.csv gebucht.")
        let receipts = Message(.donationReceiptsTotal, count: 1, ["year": "2026", "total": "100,00 €", "anonymous": "0,00 €"])
        #expect(receipts.text(in: .german) == "2026: zusammen 100,00 €, von 1 Spender und 0,00 € anonym.")
        #expect(receipts.text(in: .english) == "2026: 100,00 € in all, from 1 donor and 0,00 € anonymous.")
    }
}
