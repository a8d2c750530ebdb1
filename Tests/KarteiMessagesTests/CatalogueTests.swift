import KarteiMessages
import Testing

@Suite("Message catalogue")
struct CatalogueTests {
    @Test("every message has German and English text with the same placeholders", arguments: MessageKey.allCases)
    func bothLanguages(key: MessageKey) {
        // The forms as the files hold them: no fallback hides a missing text.
        let german = key.forms(in: .german)
        let english = key.forms(in: .english)
        #expect(!german.isEmpty && german.count == english.count, "\(key)")
        #expect(!german.contains(where: \.isEmpty) && !english.contains(where: \.isEmpty), "\(key)")
        #expect(german.map(Message.placeholders) == english.map(Message.placeholders), "\(key)")
        // Catch English left in the German column.
        for (de, en) in zip(german, english) where de.count > 30 { #expect(de != en, "\(key) is not translated") }
    }

    @Test("placeholders are filled; unknown ones stay visible")
    func filling() {
        let message = Message(.vaultNotFound, ["path": "/x/lv.kartei"])
        #expect(message.text(in: .english).hasPrefix("There is no vault at /x/lv.kartei."))
        #expect(message.text(in: .german).hasPrefix("Unter /x/lv.kartei gibt es keinen Tresor."))
        #expect(Message(.vaultNotFound).text(in: .english).contains("{path}"))
    }

    @Test("LC_ALL, LC_MESSAGES, LANG decide the language in that order")
    func language() {
        #expect(Language.fromEnvironment([:]) == .english)
        #expect(Language.fromEnvironment(["LANG": "de_DE.UTF-8"]) == .german)
        #expect(Language.fromEnvironment(["LANG": "de_DE.UTF-8", "LC_ALL": "C"]) == .english)
        #expect(Language.fromEnvironment(["LANG": "en_US", "LC_MESSAGES": "de_AT"]) == .german)
        #expect(Language.fromEnvironment(["LC_ALL": "", "LANG": "de"]) == .german)
    }

    @Test("exit codes are distinct and documented values")
    func exitCodes() {
        let values = KarteiExitCode.allCases.map(\.rawValue)
        #expect(Set(values).count == values.count)
        #expect(KarteiExitCode.permissionDenied.rawValue == 77)
        #expect(KarteiExitCode.usage.rawValue == 64)
    }
}
