import Foundation

/// A comparison key for German postal addresses, for finding duplicate records.
///
/// Two spellings of the same address give the same key: "Hauptstraße 12 a, 04103 Leipzig" and
/// "Hauptstr. 12A, 04103 LEIPZIG" both give "hauptstr|12a|04103|leipzig".
public enum AddressNormaliser {
    /// The key "street|houseNumber|postalCode|city" of the normalised parts (see ``street(_:)``,
    /// ``houseNumber(_:)``, ``postalCode(_:)``, ``city(_:)``), or "" when the address is not
    /// usable for comparison: no street, or neither a postal code nor a city.
    public static func key(street: String, houseNumber: String, postalCode: String, city: String) -> String {
        let streetKey = self.street(street)
        let postal = self.postalCode(postalCode)
        let cityKey = self.city(city)
        guard !streetKey.isEmpty, !(postal.isEmpty && cityKey.isEmpty) else { return "" }
        return [streetKey, self.houseNumber(houseNumber), postal, cityKey].joined(separator: "|")
    }

    /// The street: folded with ``NameFolding/fold(_:)``, then, word by word,
    /// - "strasse" (from "Straße"), "str" (from "Str.") → "str", and a word ending in "strasse"
    ///   ends in "str" instead ("Hauptstraße", "Hauptstrasse", "Hauptstr." → "hauptstr");
    /// - "platz", "pl" → "pl", and a word ending in "platz" ends in "pl" instead ("Marktplatz",
    ///   "Marktpl." → "marktpl");
    /// - "sankt" → "st" ("Sankt-Georg-Weg", "St. Georg Weg" → "stgeorgweg");
    /// then the words are joined without spaces, so hyphenation does not matter:
    /// "Konrad-Adenauer-Str.", "Konrad Adenauer Straße" and "Konrad-Adenauerstraße" all give
    /// "konradadenauerstr".
    public static func street(_ street: String) -> String {
        NameFolding.fold(street).split(separator: " ").map { word -> String in
            switch word {
            case "strasse", "str": return "str"
            case "platz", "pl": return "pl"
            case "sankt", "st": return "st"
            case _ where word.hasSuffix("strasse"): return word.dropLast(7) + "str"
            case _ where word.hasSuffix("platz"): return word.dropLast(5) + "pl"
            default: return String(word)
            }
        }.joined()
    }

    /// The house number: lower-case letters (diacritics dropped) and digits, with spaces, dots
    /// and other signs removed; any dash becomes "-" and "/" is kept, so ranges and fractions
    /// survive. "12 a", "12a", "12 A" → "12a"; "12-14", "12 – 14" → "12-14"; "7/1" → "7/1".
    public static func houseNumber(_ houseNumber: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in NameFolding.baseScalars(houseNumber) {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.append(scalar)
            } else if scalar == "/" || scalar == "-" || scalar.properties.generalCategory == .dashPunctuation
                        || scalar == "\u{2212}" {
                let sign: Unicode.Scalar = scalar == "/" ? "/" : "-"
                if let last = out.last, last != "-", last != "/" { out.append(sign) }
            }
        }
        while let last = out.last, last == "-" || last == "/" { out.removeLast() }
        return String(out)
    }

    /// The postal code: its digits only (" 04103 " → "04103", "D-04103" → "04103").
    public static func postalCode(_ postalCode: String) -> String {
        String(String.UnicodeScalarView(NameFolding.baseScalars(postalCode).filter { ("0"..."9").contains($0) }))
    }

    /// The city: folded with ``NameFolding/fold(_:)`` only. Variants such as "a.d." and "an der"
    /// are left as they are ("Neustadt a.d. Weinstraße" → "neustadt a d weinstrasse",
    /// "Frankfurt am Main" → "frankfurt am main"); whitespace is normalised by the fold.
    public static func city(_ city: String) -> String {
        NameFolding.fold(city)
    }
}
