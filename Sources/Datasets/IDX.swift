/// The IDX format of the MNIST files (LeCun et al.): a big-endian header, then
/// the data as unsigned bytes.
///
/// The header is four bytes of magic number — two zero bytes, a type code
/// (0x08 for unsigned bytes) and the number of dimensions — and then one
/// 32-bit big-endian size per dimension. Images are 0x00000803 (count, rows,
/// columns); labels are 0x00000801 (count).
public struct IDXFile: Equatable, Sendable {
    /// The size of each dimension, such as [60000, 28, 28].
    public let dimensions: [Int]
    /// The data, row-major, one unsigned byte per entry.
    public let values: [UInt8]

    /// Parses an IDX file of unsigned bytes with `expectedDimensions` dimensions.
    /// - Parameter name: The file's name, for error messages.
    public init(parsing bytes: [UInt8], name: String, expectedDimensions: Int) throws {
        guard bytes.count >= 4 else { throw DataError.corrupt(name, "it has \(bytes.count) bytes, too few for an IDX header") }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw DataError.corrupt(name, "it does not start with an IDX magic number (found bytes \(bytes[0]), \(bytes[1]))")
        }
        guard bytes[2] == 0x08 else {
            throw DataError.corrupt(name, "its data type code is 0x\(String(bytes[2], radix: 16)); MNIST uses 0x08, unsigned bytes")
        }
        let dimensionCount = Int(bytes[3])
        guard dimensionCount == expectedDimensions else {
            let kinds = [1: "labels", 3: "images"]
            throw DataError.mislabelled(name, "it holds \(kinds[dimensionCount] ?? "\(dimensionCount)-dimensional data") "
                + "(\(dimensionCount) dimensions), but \(kinds[expectedDimensions] ?? "data") with \(expectedDimensions) were expected")
        }
        let headerLength = 4 + 4 * dimensionCount
        guard bytes.count >= headerLength else { throw DataError.corrupt(name, "its header is cut short") }
        dimensions = (0 ..< dimensionCount).map { index in
            let offset = 4 + 4 * index
            return Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
        }
        let expectedCount = dimensions.reduce(1, *)
        guard bytes.count - headerLength == expectedCount else {
            throw DataError.corrupt(name, "the header promises \(dimensions.map(String.init).joined(separator: "×")) = "
                + "\(expectedCount) values but the file holds \(bytes.count - headerLength) (truncated or padded?)")
        }
        values = Array(bytes[headerLength...])
    }

    /// The bytes of an IDX file holding `values` with `dimensions`, for tests and tools.
    public static func encode(dimensions: [Int], values: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, 0x08, UInt8(dimensions.count)]
        for size in dimensions { bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: size >> $0) } }
        return bytes + values
    }
}
