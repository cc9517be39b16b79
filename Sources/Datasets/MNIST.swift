import Foundation

/// The MNIST handwritten digits (or another dataset in the same format, such as
/// Fashion-MNIST), read from the four canonical IDX files, raw or gzip'd.
public struct MNIST: Sendable {
    /// One part of the data: images and their labels.
    public struct Split: Sendable {
        /// Pixel values 0–255, image after image, each `rows × columns` bytes row by row.
        public let pixels: [UInt8]
        /// The digit each image shows, 0–9.
        public let labels: [UInt8]
        public let rows: Int
        public let columns: Int

        /// The number of images.
        public var count: Int { labels.count }
        /// Pixels per image.
        public var imageSize: Int { rows * columns }

        /// The images `range` of this split, as a split of their own.
        public func slice(_ range: Range<Int>) -> Split {
            let clamped = range.clamped(to: 0 ..< count)
            return Split(pixels: Array(pixels[(clamped.lowerBound * imageSize) ..< (clamped.upperBound * imageSize)]),
                         labels: Array(labels[clamped]), rows: rows, columns: columns)
        }

        public init(pixels: [UInt8], labels: [UInt8], rows: Int, columns: Int) {
            precondition(pixels.count == labels.count * rows * columns, "one image of rows × columns pixels per label")
            self.pixels = pixels
            self.labels = labels
            self.rows = rows
            self.columns = columns
        }
    }

    /// The 60,000 training images.
    public let training: Split
    /// The 10,000 test images.
    public let test: Split
    /// Which dataset the files are, recognised by their SHA-256: "MNIST" or "Fashion-MNIST".
    public let name: String
    /// Where the files were read from.
    public let directory: URL

    /// The four files, in the order training images, training labels, test images, test labels.
    public static let fileNames = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                   "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    /// A dataset the workbook recognises by the SHA-256 of its files, in ``fileNames``
    /// order: of the decompressed files (the canonical ones) and of the published .gz files.
    public struct KnownDataset: Sendable {
        public let name: String
        public let raw: [String]
        public let gzip: [String]
    }

    public static let knownDatasets = [
        KnownDataset(name: "MNIST",
                     raw: ["ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                           "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                           "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                           "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"],
                     gzip: ["0b367032e93c5d0cea0925647cfdb18614af8ee15f83e6f2fc2ad904a6835971",
                            "1787548bbe0bff1ec2ecdc0ef292b02df999e2d1a6002d27500982c652b17203",
                            "1a1a05eab793c14bb050b398624a11b0ffd1a2953baed553b1b9bd079e2a20be",
                            "b91679a0acfe4ba0e50a2437a903084cba1f5f92592b016a25a7dfd00455798b"]),
        KnownDataset(name: "Fashion-MNIST",
                     raw: ["c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                           "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                           "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                           "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"],
                     gzip: ["b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
                            "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
                            "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
                            "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05"]),
    ]

    /// The folder to read: `option` (from `--data`) if given, else `$MNIST_DIR`,
    /// else `local` (the package's `data/mnist`). The folder must hold the four files.
    public static func locate(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                              local: URL) throws -> URL {
        // An explicit choice is used, or fails on its own; it never falls through to the next place.
        if let option { return URL(fileURLWithPath: option) }
        if let fromEnvironment = environment["MNIST_DIR"] { return URL(fileURLWithPath: fromEnvironment) }
        guard hasAllFiles(local) else {
            throw DataError.missing("MNIST", "--data (not given), $MNIST_DIR (not set), \(local.path) (no files). "
                + "Get it with: swift run mnist download (or pass --data DIR)")
        }
        return local
    }

    /// Reads and validates the four files in `directory`.
    ///
    /// - Parameter verify: Check each file's SHA-256 against the known datasets;
    ///   `false` accepts any well-formed IDX files (and skips the hashing).
    public static func load(from directory: URL, verify: Bool = true) throws -> MNIST {
        let files = try fileNames.map { try read($0, in: directory) }
        let contents = files.map(\.contents)
        var datasetName = "unverified IDX data"
        if verify {
            // A file matches when its published .gz does, or else its decompressed contents:
            // hashing the smaller .gz is five times faster.
            let rawHashes = LazyHashes(files.map(\.contents))
            let matches = { (dataset: KnownDataset, index: Int) -> Bool in
                if let stored = files[index].compressed, SHA256.hex(of: stored) == dataset.gzip[index] { return true }
                return rawHashes[index] == dataset.raw[index]
            }
            guard let known = knownDatasets.first(where: { dataset in fileNames.indices.allSatisfy { matches(dataset, $0) } })
            else {
                let damaged = fileNames.indices.filter { index in !knownDatasets.contains { matches($0, index) } }
                    .map { fileNames[$0] }
                let guess = damaged.count < fileNames.count
                    ? "; the others match a known dataset, so it is damaged or comes from another set" : ""
                throw DataError.corrupt(damaged.joined(separator: ", "),
                                        "its SHA-256 matches neither MNIST nor Fashion-MNIST\(guess). "
                                            + "Download the files again (swift run mnist download)")
            }
            datasetName = known.name
        }
        let training = try split(images: contents[0], labels: contents[1], names: (fileNames[0], fileNames[1]))
        let test = try split(images: contents[2], labels: contents[3], names: (fileNames[2], fileNames[3]))
        guard training.rows == test.rows, training.columns == test.columns else {
            throw DataError.mismatched("training images are \(training.rows)×\(training.columns) "
                + "but test images \(test.rows)×\(test.columns)")
        }
        return MNIST(training: training, test: test, name: datasetName, directory: directory)
    }

    /// Each file's SHA-256, computed the first time it is asked for.
    private final class LazyHashes {
        private let contents: [[UInt8]]
        private var hashes: [Int: String] = [:]

        init(_ contents: [[UInt8]]) { self.contents = contents }

        subscript(index: Int) -> String {
            if let known = hashes[index] { return known }
            let hash = SHA256.hex(of: contents[index])
            hashes[index] = hash
            return hash
        }
    }

    private static func hasAllFiles(_ directory: URL) -> Bool {
        fileNames.allSatisfy { name in
            [name, name + ".gz"].contains { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }
        }
    }

    /// The decompressed contents of `name` or `name.gz` in `directory`, and the
    /// compressed bytes when the file was compressed.
    static func read(_ name: String, in directory: URL) throws -> (contents: [UInt8], compressed: [UInt8]?) {
        for fileName in [name, name + ".gz"] {
            let url = directory.appendingPathComponent(fileName)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let bytes: [UInt8]
            do {
                bytes = [UInt8](try Data(contentsOf: url))
            } catch {
                throw DataError.corrupt(fileName, "it could not be read: \(error.localizedDescription)")
            }
            return Gzip.isCompressed(bytes) ? (try Gzip.decompress(bytes, name: fileName), bytes) : (bytes, nil)
        }
        throw DataError.missing(name, "\(directory.path) has neither \(name) nor \(name).gz")
    }

    private static func split(images: [UInt8], labels: [UInt8], names: (String, String)) throws -> Split {
        let imageFile = try IDXFile(parsing: images, name: names.0, expectedDimensions: 3)
        let labelFile = try IDXFile(parsing: labels, name: names.1, expectedDimensions: 1)
        guard imageFile.dimensions[0] == labelFile.dimensions[0] else {
            throw DataError.mismatched("\(names.0) holds \(imageFile.dimensions[0]) images but \(names.1) "
                + "\(labelFile.dimensions[0]) labels")
        }
        if let bad = labelFile.values.firstIndex(where: { $0 > 9 }) {
            throw DataError.corrupt(names.1, "label \(bad) is \(labelFile.values[bad]); labels are digits 0–9")
        }
        return Split(pixels: imageFile.values, labels: labelFile.values, rows: imageFile.dimensions[1],
                     columns: imageFile.dimensions[2])
    }
}
