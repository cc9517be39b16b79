import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads the four MNIST files, verifies each against its published SHA-256,
/// and only then moves it into place, so a failed or interrupted download
/// leaves nothing half-written behind.
public enum MNISTDownload {
    /// A public mirror of the canonical files.
    public static let defaultMirror = "https://storage.googleapis.com/cvdf-datasets/mnist/"

    /// Fetches `fileName.gz` for every file into `directory`, skipping files already
    /// there and verified. `progress` is called with each file's name, its bytes so
    /// far, and its size once the server has said it (0 before). A folder this made
    /// is removed again when the download fails before anything is saved in it.
    public static func fetch(into directory: URL, mirror: String = defaultMirror,
                             progress: (String, Int, Int) -> Void = { _, _, _ in }) throws {
        // The outermost folder this makes (data/ of data/mnist/ when neither is there yet).
        var made: URL?
        var folder = directory.standardizedFileURL
        while !FileManager.default.fileExists(atPath: folder.path) && folder.path != "/" {
            made = folder
            folder = folder.deletingLastPathComponent()
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try fetchFiles(into: directory, mirror: mirror, progress: progress)
        } catch {
            if let made, (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.isEmpty == true {
                try? FileManager.default.removeItem(at: made)
            }
            throw error
        }
    }

    private static func fetchFiles(into directory: URL, mirror: String, progress: (String, Int, Int) -> Void) throws {
        let mnist = MNIST.knownDatasets.first { $0.name == "MNIST" }!
        for (index, name) in MNIST.fileNames.enumerated() {
            let fileName = name + ".gz"
            let destination = directory.appendingPathComponent(fileName)
            if let existing = try? Data(contentsOf: destination), isCompressedCopy([UInt8](existing), index: index, mnist) {
                continue
            }
            let base = mirror.hasSuffix("/") ? mirror : mirror + "/"
            guard let url = URL(string: base + fileName) else { throw DataError.missing(fileName, "bad mirror address \(mirror)") }
            let bytes = try get(url, folder: directory.path) { progress(fileName, $0, $1) }
            guard isCompressedCopy(bytes, index: index, mnist) else {
                throw DataError.corrupt(fileName, "the downloaded file is not the canonical one (its decompressed "
                    + "SHA-256 differs); nothing was saved")
            }
            let partial = directory.appendingPathComponent(fileName + ".partial")
            try Data(bytes).write(to: partial)
            _ = try? FileManager.default.removeItem(at: destination)
            try FileManager.default.moveItem(at: partial, to: destination)
        }
    }

    /// Whether gzip'd `bytes` hold file `index` of `dataset`: by the published .gz's
    /// hash, or else by the hash of what they decompress to (mirrors compress differently).
    static func isCompressedCopy(_ bytes: [UInt8], index: Int, _ dataset: MNIST.KnownDataset) -> Bool {
        if SHA256.hex(of: bytes) == dataset.gzip[index] { return true }
        guard let contents = try? Gzip.decompress(bytes, name: MNIST.fileNames[index]) else { return false }
        return SHA256.hex(of: contents) == dataset.raw[index]
    }

    /// The body of a GET request, reporting the bytes received so far and expected.
    private static func get(_ url: URL, folder: String, progress: (Int, Int) -> Void) throws -> [UInt8] {
        final class Box: @unchecked Sendable {
            var result: Result<Data, Error>?
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: url) { data, response, error in
            if let error {
                box.result = .failure(DataError.unreachable(url.host ?? url.absoluteString, error.localizedDescription, folder))
            } else if let http = response as? HTTPURLResponse, http.statusCode != 200 {
                box.result = .failure(DataError.refused(url.absoluteString, "HTTP \(http.statusCode)"))
            } else {
                box.result = .success(data ?? Data())
            }
            done.signal()
        }
        task.resume()
        while done.wait(timeout: .now() + 0.2) == .timedOut {
            progress(Int(task.countOfBytesReceived), max(Int(task.countOfBytesExpectedToReceive), 0))
        }
        let data = try box.result!.get()
        progress(data.count, data.count)
        return [UInt8](data)
    }
}
