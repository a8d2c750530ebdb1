/// kartei's private certificate extension: the user's role and scope, DER
/// `SEQUENCE { UTF8String role, UTF8String scope }` (scope "" when none), non-critical.
public struct RoleExtension: Sendable, Hashable {
    public var role: String
    public var scope: String?

    public init(role: String, scope: String?) {
        self.role = role
        self.scope = scope
    }

    /// An OID under 2.25 made from a random UUID (c47406e0-abb9-4c72-9c68-aea8b023aa8f), as
    /// ITU-T X.667 allows without registration.
    public static let oid = "2.25.261131133104145525169420571778700520079"

    var der: [UInt8] {
        func utf8String(_ text: String) -> [UInt8] { [0x0c] + DERLength.encode(text.utf8.count) + Array(text.utf8) }
        let body = utf8String(role) + utf8String(scope ?? "")
        return [0x30] + DERLength.encode(body.count) + body
    }

    init?(der: [UInt8]) {
        var index = 0
        func read(tag: UInt8) -> [UInt8]? {
            guard index < der.count, der[index] == tag else { return nil }
            index += 1
            guard let length = DERLength.decode(der, &index), index + length <= der.count else { return nil }
            defer { index += length }
            return Array(der[index..<(index + length)])
        }
        guard let sequence = read(tag: 0x30), index == der.count else { return nil }
        var inner = RoleExtension.Reader(bytes: sequence)
        guard let role = inner.utf8String(), let scope = inner.utf8String(), inner.index == sequence.count else { return nil }
        self.role = role
        self.scope = scope.isEmpty ? nil : scope
    }

    struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func utf8String() -> String? {
            guard index < bytes.count, bytes[index] == 0x0c else { return nil }
            index += 1
            guard let length = DERLength.decode(bytes, &index), index + length <= bytes.count else { return nil }
            defer { index += length }
            return String(bytes: bytes[index..<(index + length)], encoding: .utf8)
        }
    }
}

enum DERLength {
    static func encode(_ length: Int) -> [UInt8] {
        if length < 0x80 { return [UInt8(length)] }
        var bytes: [UInt8] = []
        var rest = length
        while rest > 0 {
            bytes.insert(UInt8(rest & 0xff), at: 0)
            rest >>= 8
        }
        return [0x80 | UInt8(bytes.count)] + bytes
    }

    static func decode(_ bytes: [UInt8], _ index: inout Int) -> Int? {
        guard index < bytes.count else { return nil }
        let first = bytes[index]
        index += 1
        if first < 0x80 { return Int(first) }
        let count = Int(first & 0x7f)
        guard count > 0, count <= 4, index + count <= bytes.count else { return nil }
        var length = 0
        for _ in 0..<count {
            length = length << 8 | Int(bytes[index])
            index += 1
        }
        return length
    }
}

import Foundation
