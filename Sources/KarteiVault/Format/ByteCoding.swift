/// Big-endian binary writing and reading for the vault header formats (docs/FORMATS.md).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u16(_ value: UInt16) { bytes += [UInt8(value >> 8), UInt8(value & 0xff)] }
    mutating func u32(_ value: UInt32) { for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) } }
    mutating func u64(_ value: UInt64) { for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) } }
    mutating func raw(_ value: [UInt8]) { bytes += value }
    /// A byte string with a 32-bit length prefix.
    mutating func field(_ value: [UInt8]) {
        u32(UInt32(value.count))
        bytes += value
    }
}

struct ByteReader {
    private let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var remaining: Int { bytes.count - offset }

    mutating func raw(_ count: Int) throws(FormatError) -> [UInt8] {
        guard count >= 0, remaining >= count else { throw FormatError() }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func u8() throws(FormatError) -> UInt8 { try raw(1)[0] }
    mutating func u16() throws(FormatError) -> UInt16 { try raw(2).reduce(0) { $0 << 8 | UInt16($1) } }
    mutating func u32() throws(FormatError) -> UInt32 { try raw(4).reduce(0) { $0 << 8 | UInt32($1) } }
    mutating func u64() throws(FormatError) -> UInt64 { try raw(8).reduce(0) { $0 << 8 | UInt64($1) } }
    mutating func field(maximum: Int = 1 << 16) throws(FormatError) -> [UInt8] {
        let count = Int(try u32())
        guard count <= maximum else { throw FormatError() }
        return try raw(count)
    }
}

/// Bytes that do not follow the expected layout.
struct FormatError: Error {}
