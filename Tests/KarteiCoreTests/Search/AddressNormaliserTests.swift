import Foundation
@testable import KarteiCore
import Testing

/// AddressNormaliser: keys for German postal addresses. Only synthetic addresses.
@Suite("Address normaliser")
struct AddressNormaliserTests {
    @Test("street type spellings give one street key", arguments: [
        ("Hauptstraße", "hauptstr"), ("Hauptstrasse", "hauptstr"), ("Hauptstr.", "hauptstr"), ("Hauptstr", "hauptstr"),
        ("HAUPTSTRASSE", "hauptstr"), ("Haupt-Straße", "hauptstr"), ("Haupt Str.", "hauptstr"),
        ("Konrad-Adenauer-Str.", "konradadenauerstr"), ("Konrad Adenauer Straße", "konradadenauerstr"),
        ("Konrad-Adenauerstraße", "konradadenauerstr"), ("Straße des Beispiels", "strdesbeispiels"),
        ("Marktplatz", "marktpl"), ("Marktpl.", "marktpl"), ("Markt-Platz", "marktpl"),
        ("Sankt-Beispiel-Weg", "stbeispielweg"), ("St. Beispiel Weg", "stbeispielweg"),
        ("Am Mühlenteich", "ammuhlenteich"), ("Am Muehlenteich", "ammuhlenteich"), ("", ""),
    ])
    func street(input: String, expected: String) {
        #expect(AddressNormaliser.street(input) == expected)
    }

    @Test("house numbers", arguments: [
        ("12 a", "12a"), ("12a", "12a"), ("12 A", "12a"), (" 12A ", "12a"), ("12-14", "12-14"),
        ("12 – 14", "12-14"), ("12a-c", "12a-c"), ("7/1", "7/1"), ("7 / 1", "7/1"), ("3.", "3"), ("-5-", "5"), ("", ""),
    ])
    func houseNumber(input: String, expected: String) {
        #expect(AddressNormaliser.houseNumber(input) == expected)
    }

    @Test("postal codes keep digits, cities are folded only", arguments: [
        ("postal", " 04103 ", "04103"), ("postal", "D-04103", "04103"), ("postal", "04 103", "04103"),
        ("city", "Leipzig", "leipzig"), ("city", "  LEIPZIG ", "leipzig"), ("city", "Musterstadt a.d. Beispiel", "musterstadt a d beispiel"),
        ("city", "Musterstadt an der  Beispiel", "musterstadt an der beispiel"), ("city", "Frankfurt (Oder)", "frankfurt oder"),
        ("city", "Bad Muesterhausen", "bad musterhausen"),
    ])
    func postalAndCity(field: String, input: String, expected: String) {
        let result = field == "postal" ? AddressNormaliser.postalCode(input) : AddressNormaliser.city(input)
        #expect(result == expected)
    }

    @Test("whole keys: same address, different spellings; unusable addresses give the empty key")
    func keys() {
        let a = AddressNormaliser.key(street: "Beispielstraße", houseNumber: "12 a", postalCode: "04103", city: "Leipzig")
        let b = AddressNormaliser.key(street: "Beispielstr.", houseNumber: "12A", postalCode: " 04103", city: "LEIPZIG")
        let c = AddressNormaliser.key(street: "Beispiel-Strasse", houseNumber: "12a", postalCode: "04103", city: "leipzig ")
        #expect(a == "beispielstr|12a|04103|leipzig")
        #expect(a == b && b == c)
        #expect(AddressNormaliser.key(street: "Beispielstraße", houseNumber: "12 b", postalCode: "04103", city: "Leipzig") != a)
        #expect(AddressNormaliser.key(street: "", houseNumber: "1", postalCode: "04103", city: "Leipzig") == "")
        #expect(AddressNormaliser.key(street: "Weg", houseNumber: "1", postalCode: "", city: " ") == "")
        #expect(AddressNormaliser.key(street: "Weg", houseNumber: "", postalCode: "", city: "Ort") == "weg|||ort")
    }
}
