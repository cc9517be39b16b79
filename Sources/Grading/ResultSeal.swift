import Datasets
import Foundation

/// An HMAC-SHA256 key of the grader's, kept in the output folder (`.grader-key`, readable
/// by its owner only) and never shown to a build or a check: a result file counts only
/// when its seal, made with this key, matches it. So a result that anything but the
/// grader wrote, or changed, is graded again rather than believed.
struct ResultSeal: Sendable {
    private let key: [UInt8]

    /// The key in `folder`, made when there is none yet.
    init(folder: URL) throws {
        let file = folder.appendingPathComponent(".grader-key")
        if let existing = try? Data(contentsOf: file), existing.count == 32 {
            key = Array(existing)
            return
        }
        var generator = SystemRandomNumberGenerator()
        key = (0 ..< 32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: file.path, contents: Data(key),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
    }

    /// The seal of `data`, in hexadecimal.
    func seal(_ data: Data) -> String {
        Self.hmac(key: key, message: Array(data)).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `seal` is the seal of `data` (compared in constant time).
    func verifies(_ data: Data, seal: String) -> Bool {
        let expected = Array(self.seal(data).utf8), given = Array(seal.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// HMAC (RFC 2104) with SHA-256: H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)).
    static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        let blockSize = 64
        var block = key.count > blockSize ? SHA256.digest(of: key) : key
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        let inner = SHA256.digest(of: block.map { $0 ^ 0x36 } + message)
        return SHA256.digest(of: block.map { $0 ^ 0x5C } + inner)
    }
}
