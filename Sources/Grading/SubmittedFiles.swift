import Foundation

/// The files of one chapter folder of a submission that grading takes in: regular
/// `.swift` files with plain names, read by content. Everything else is skipped, by
/// name: symbolic links (never followed), folders, FIFOs and devices (which could
/// block or leak what they point at), dot-files, names with control characters, and
/// files over 1 MiB.
public struct SubmittedFiles: Sendable {
    /// The files taken in, by name, with their contents.
    public private(set) var files: [(name: String, contents: Data)] = []
    /// What was skipped, with why, for the learner's feedback.
    public private(set) var skipped: [String] = []

    /// The largest file taken in.
    public static let sizeLimit = 1 << 20

    public init(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() {
            let shown = Self.printable(name)
            if let reason = Self.reasonToSkip(name, in: folder) {
                skipped.append("\(shown) (\(reason))")
                continue
            }
            guard let contents = Self.read(folder.appendingPathComponent(name)) else {
                skipped.append("\(shown) (unreadable)")
                continue
            }
            files.append((name, contents))
        }
    }

    /// Why `name` in `folder` is not taken in, or `nil` when it is.
    static func reasonToSkip(_ name: String, in folder: URL) -> String? {
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "its name has control characters"
        }
        if name.hasPrefix(".") { return "a dot-file" }
        guard name.hasSuffix(".swift") else { return "not a .swift file" }
        var info = stat()
        guard lstat(folder.appendingPathComponent(name).path, &info) == 0 else { return "cannot be examined" }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return Int(info.st_size) > sizeLimit ? "larger than 1 MiB" : nil
        case S_IFLNK: return "a symbolic link"
        case S_IFDIR: return "a folder"
        default: return "not a regular file"
        }
    }

    /// Whether `url` is a folder itself, not a symbolic link to one.
    public static func isFolder(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The file's contents, read without following a link or waiting on a FIFO
    /// that replaced it after it was examined.
    private static func read(_ url: URL) -> Data? {
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return try? handle.read(upToCount: sizeLimit + 1).flatMap { $0.count > sizeLimit ? nil : $0 } ?? Data()
    }

    /// `name` with control characters shown as `?`, safe to print in feedback.
    static func printable(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }
}
