import Foundation

/// Searches files for byte strings (plaintext markers, magic numbers, checksums).
public enum ByteScan {
    /// The files among `paths` that contain `needle`.
    public static func files(_ paths: [String], containing needle: [UInt8]) -> [String] {
        paths.filter { path in
            guard let data = FileManager.default.contents(atPath: path) else { return false }
            return data.range(of: Data(needle)) != nil
        }
    }

    public static func count(of needle: [UInt8], in path: String) -> Int {
        guard let data = FileManager.default.contents(atPath: path), !needle.isEmpty else { return 0 }
        var count = 0
        var searchRange = data.startIndex..<data.endIndex
        while let found = data.range(of: Data(needle), in: searchRange) {
            count += 1
            searchRange = found.upperBound..<data.endIndex
        }
        return count
    }
}
