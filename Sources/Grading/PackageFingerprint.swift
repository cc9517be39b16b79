import Datasets
import Foundation

/// A SHA-256 over every file (relative path and contents) of some items of a package,
/// to tell whether a copy of it is still the instructor's.
struct PackageFingerprint: Equatable {
    let digest: String

    init(of package: URL, items: [String]) throws {
        var bytes = [UInt8]()
        for item in items {
            for path in try Self.files(under: package.appendingPathComponent(item), named: item) {
                bytes += Array(path.utf8) + [0]
                let contents = try Data(contentsOf: package.appendingPathComponent(path))
                bytes += Array(String(contents.count).utf8) + [0] + Array(contents)
            }
        }
        digest = SHA256.hex(of: bytes)
    }

    /// Relative paths of the files under `url` (itself, when a file), sorted; links as their paths.
    private static func files(under url: URL, named name: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [name] }
        let entries = try FileManager.default.subpathsOfDirectory(atPath: url.path).sorted()
        return entries.filter { entry in
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent(entry).path, isDirectory: &folder)
                && !folder.boolValue
        }.map { name + "/" + $0 }
    }
}
