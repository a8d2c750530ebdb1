import Foundation

/// Where the message texts are: the `Resources` folder of KarteiMessages, which SwiftPM copies
/// into the resource bundle `kartei_KarteiMessages.resources` (Linux) or `.bundle` (macOS) next
/// to every executable it builds (`.build/debug/`, `.build/release/`), read through `Bundle.module`.
///
/// `Bundle.module` stops the process (`fatalError`) when it finds no bundle, e.g. for a binary
/// copied somewhere without its bundle. So the bundle is looked for first where `Bundle.module`
/// looks first, next to the executable, and only then is `Bundle.module` asked. (Next to the
/// code's own bundle, where a macOS test bundle has it, it is opened directly.) Without a bundle
/// the directory is `nil`: the catalogue is empty, texts fall back to their keys, and the CLI says
/// so on stderr (`MessageCatalogue.problems`).
enum MessageResources {
    static let bundleName = "kartei_KarteiMessages"

    /// The folder holding `po/` and `texts/`, or nil when there is no resource bundle.
    static var directory: URL? {
        #if SWIFT_PACKAGE
        let main = Bundle.main.bundleURL
        let code = Bundle(for: BundleMarker.self).bundleURL.deletingLastPathComponent()
        for folder in [main, code] {
            for suffix in ["resources", "bundle"] {
                let url = folder.appendingPathComponent("\(bundleName).\(suffix)")
                guard FileManager.default.fileExists(atPath: url.path) else { continue }
                let bundle = folder == main ? Bundle.module : Bundle(url: url)
                if let resources = bundle?.url(forResource: "Resources", withExtension: nil) { return resources }
            }
        }
        return nil
        #else
        return nil  // compiled outside SwiftPM (scripts/catalogue-to-po --verify names the folder itself)
        #endif
    }
}

private final class BundleMarker {}
