import Foundation
import KarteiMessages
import KarteiTesting
import Testing

/// The help texts, read from the parser's own description of every command
/// (`--experimental-dump-help`) in both languages: no default repeated that the parser prints
/// itself (it would drift from the code), no value named that the option does not offer, no
/// placeholder left unfilled, and each option described for what it does in its command.
@Suite("kartei help texts")
struct HelpTextTests {
    struct Option {
        var command: String
        var name: String
        var abstract: String
        var defaultValue: String?
        var values: [String]
    }

    /// Every option of every command, and every command's abstract and discussion.
    static func help(_ lang: String) throws -> (options: [Option], texts: [String]) {
        let cli = try CLITests()
        let dump = try cli.run(["--experimental-dump-help"], ["LANG": lang])
        #expect(dump.status == 0, "\(dump.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var options: [Option] = []
        var texts: [String] = []
        func walk(_ command: [String: Any], _ path: String) {
            texts += [command["abstract"], command["discussion"]].compactMap { $0 as? String }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                let name = (argument["names"] as? [[String: Any]])?.first?["name"] as? String ?? argument["valueName"] as? String ?? ""
                let abstract = argument["abstract"] as? String ?? ""
                texts.append(abstract)
                options.append(Option(command: path, name: name, abstract: abstract, defaultValue: argument["defaultValue"] as? String,
                                      values: argument["allValues"] as? [String] ?? []))
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path + " " + (sub["commandName"] as? String ?? ""))
            }
        }
        walk(try #require(root["command"] as? [String: Any]), "kartei")
        return (options, texts)
    }

    @Test("an option with a default does not repeat it: the parser prints \"(default: …)\" from the code",
          arguments: ["en_US.UTF-8", "de_DE.UTF-8"])
    func noRepeatedDefaults(lang: String) throws {
        let (options, _) = try Self.help(lang)
        let withDefault = options.filter { $0.defaultValue != nil && $0.name != "help" }
        #expect(withDefault.count > 40)
        for option in withDefault {
            #expect(!option.abstract.contains("default") && !option.abstract.contains("Standard"),
                    "\(option.command) --\(option.name): \(option.abstract)")
        }
    }

    @Test("no help text names a --format value the option does not offer, or leaves a {placeholder}",
          arguments: ["en_US.UTF-8", "de_DE.UTF-8"])
    func valuesAndPlaceholders(lang: String) throws {
        let (options, texts) = try Self.help(lang)
        for option in options where option.name == "format" {
            for value in ["text", "json", "csv", "markdown"] where !option.values.contains(value) {
                #expect(!option.abstract.contains(value), "\(option.command): \(option.abstract)")
            }
        }
        for text in texts { #expect(text.range(of: #"\{[a-z]+\}"#, options: .regularExpression) == nil, "\(text)") }
    }

    @Test("--days of member anniversaries, --district of member add and member export, --limit of member search")
    func optionsSayWhatTheyDo() throws {
        let (options, texts) = try Self.help("en_US.UTF-8")
        func abstract(_ command: String, _ name: String) throws -> String {
            try #require(options.first { $0.command == command && $0.name == name }?.abstract, "\(command) --\(name)")
        }
        #expect(try abstract("kartei member anniversaries", "days").contains("--from"))
        #expect(try !abstract("kartei member anniversaries", "days").contains("Validity"))
        #expect(try abstract("kartei org grant add", "days").contains("Validity"))
        #expect(try !abstract("kartei member search", "limit").contains("last"))
        let districtOptions = options.filter { $0.name == "district" }
        #expect(districtOptions.count > 8)
        for option in districtOptions where option.command != "kartei user add" {
            #expect(!option.abstract.contains("role district"), "\(option.command): \(option.abstract)")
        }
        #expect(try abstract("kartei user add", "district").contains("role district"))
        #expect(try abstract("kartei member export", "district").contains("Only this district"))
        // Settings whose default lives in the core name it from there.
        #expect(texts.contains { $0.contains("failed attempts a user is locked (default 5)") })
        #expect(texts.contains { $0.contains("needs a second approval (default 500)") })
    }
}

/// Every `--option` a message or help text names is an option of some command: a renamed option
/// cannot leave a message that sends the user to one that does not exist.
@Suite("kartei messages name real options")
struct MessageOptionTests {
    @Test("each --name in the catalogue, German and English, is an option kartei has")
    func optionsExist() throws {
        let (options, _) = try HelpTextTests.help("en_US.UTF-8")
        let known = Set(options.map(\.name))
        var named: [String: MessageKey] = [:]
        for key in MessageKey.allCases {
            for language in [Language.german, .english] {
                let text = key.template(in: language)
                for match in text.matches(of: /--([a-z][a-z-]*[a-z])/) { named[String(match.1), default: key] = key }
            }
        }
        #expect(named.count > 30)
        for (name, key) in named.sorted(by: { $0.key < $1.key }) {
            #expect(known.contains(name), "--\(name) in \(key) is no option of any command")
        }
    }
}
