import Datasets
import Foundation
import Testing

/// A folder of small, generated MNIST-format files, for the reader's tests.
struct FakeMNIST {
    let directory: URL

    /// Writes 6 training and 3 test images of 4×3 pixels with labels, compressed or not.
    init(compressed: Bool = false) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fake-mnist-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try write("train-images-idx3-ubyte", IDXFile.encode(dimensions: [6, 4, 3], values: (0 ..< 72).map { UInt8($0) }),
                  compressed: compressed)
        try write("train-labels-idx1-ubyte", IDXFile.encode(dimensions: [6], values: [0, 1, 2, 3, 4, 9]), compressed: compressed)
        try write("t10k-images-idx3-ubyte", IDXFile.encode(dimensions: [3, 4, 3], values: (0 ..< 36).map { UInt8(255 - $0) }),
                  compressed: compressed)
        try write("t10k-labels-idx1-ubyte", IDXFile.encode(dimensions: [3], values: [7, 8, 9]), compressed: compressed)
    }

    func write(_ name: String, _ bytes: [UInt8], compressed: Bool = false) throws {
        for suffix in ["", ".gz"] { try? FileManager.default.removeItem(at: directory.appendingPathComponent(name + suffix)) }
        let file = directory.appendingPathComponent(compressed ? name + ".gz" : name)
        try Data(compressed ? Gzip.compress(bytes) : bytes).write(to: file)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Suite("Reading MNIST files")
struct MNISTFilesTests {
    @Test("raw and gzip'd files read the same", arguments: [false, true])
    func reads(compressed: Bool) throws {
        let fake = try FakeMNIST(compressed: compressed)
        defer { fake.remove() }
        let data = try MNIST.load(from: fake.directory, verify: false)
        #expect(data.training.count == 6 && data.test.count == 3)
        #expect(data.training.rows == 4 && data.training.columns == 3)
        #expect(data.training.pixels == (0 ..< 72).map { UInt8($0) })
        #expect(data.test.labels == [7, 8, 9])
    }

    @Test("unknown files fail verification with a clear message")
    func unverified() throws {
        let fake = try FakeMNIST()
        defer { fake.remove() }
        #expect(throws: DataError.self) { try MNIST.load(from: fake.directory) }
        do { _ = try MNIST.load(from: fake.directory) } catch {
            #expect("\(error)".contains("matches neither MNIST nor Fashion-MNIST"))
        }
    }

    /// A bad file, and a phrase its error must contain.
    static let badFiles: [(String, [UInt8], String)] = [
        ("train-images-idx3-ubyte", Array(IDXFile.encode(dimensions: [6, 4, 3], values: (0 ..< 72).map { UInt8($0) }).dropLast(5)),
         "truncated or padded"),
        ("train-images-idx3-ubyte", [0x50, 0x4B, 3, 4, 0, 0], "does not start with an IDX magic number"),
        ("train-images-idx3-ubyte", IDXFile.encode(dimensions: [6], values: [0, 1, 2, 3, 4, 5]), "holds labels"),
        ("train-labels-idx1-ubyte", IDXFile.encode(dimensions: [5], values: [0, 1, 2, 3, 4]), "6 images but"),
        ("t10k-labels-idx1-ubyte", IDXFile.encode(dimensions: [3], values: [7, 12, 9]), "labels are digits 0–9"),
        ("t10k-images-idx3-ubyte", [0, 0, 8], "too few for an IDX header"),
    ]

    @Test("each kind of bad file gets its own clear error", arguments: 0 ..< badFiles.count)
    func badFile(_ index: Int) throws {
        let (name, bytes, phrase) = Self.badFiles[index]
        let fake = try FakeMNIST()
        defer { fake.remove() }
        try fake.write(name, bytes)
        do {
            _ = try MNIST.load(from: fake.directory, verify: false)
            Issue.record("a bad \(name) was accepted")
        } catch {
            #expect("\(error)".contains(phrase), "\(error)")
        }
    }

    @Test("a truncated or damaged gzip file is reported, not half-read")
    func damagedGzip() throws {
        let fake = try FakeMNIST(compressed: true)
        defer { fake.remove() }
        let file = fake.directory.appendingPathComponent("train-images-idx3-ubyte.gz")
        let whole = [UInt8](try Data(contentsOf: file))
        try Data(whole.prefix(whole.count / 2)).write(to: file)
        #expect(throws: DataError.self) { try MNIST.load(from: fake.directory, verify: false) }
        var flipped = whole
        for index in 12 ..< min(40, flipped.count) { flipped[index] ^= 0xFF }
        try Data(flipped).write(to: file)
        #expect(throws: DataError.self) { try MNIST.load(from: fake.directory, verify: false) }
    }

    @Test("a missing file names the folder")
    func missing() throws {
        let fake = try FakeMNIST()
        defer { fake.remove() }
        try FileManager.default.removeItem(at: fake.directory.appendingPathComponent("t10k-labels-idx1-ubyte"))
        do {
            _ = try MNIST.load(from: fake.directory, verify: false)
            Issue.record("a missing file was not noticed")
        } catch {
            #expect("\(error)".contains("has neither t10k-labels-idx1-ubyte nor t10k-labels-idx1-ubyte.gz"))
        }
    }

    @Test("the data is looked for in --data, then $MNIST_DIR, then ./data/mnist")
    func lookupOrder() throws {
        #expect(try MNIST.locate(option: "/a", environment: ["MNIST_DIR": "/b"], local: URL(fileURLWithPath: "/c")).path == "/a")
        #expect(try MNIST.locate(option: nil, environment: ["MNIST_DIR": "/b"], local: URL(fileURLWithPath: "/c")).path == "/b")
        #expect(throws: DataError.self) { try MNIST.locate(option: nil, environment: [:], local: URL(fileURLWithPath: "/nonexistent")) }
    }

    @Test("the canonical files in $MNIST_DIR are recognised as MNIST",
          .enabled(if: ProcessInfo.processInfo.environment["MNIST_DIR"] != nil))
    func canonical() throws {
        let data = try MNIST.load(from: try MNIST.locate(option: nil, local: URL(fileURLWithPath: "/nonexistent")))
        #expect(data.name == "MNIST")
        #expect(data.training.count == 60_000 && data.test.count == 10_000)
        #expect(data.training.rows == 28 && data.training.columns == 28)
    }

    @Test("a slice of a split holds those images and their labels (the validation set is one)")
    func slice() {
        let split = MNIST.Split(pixels: (0 ..< 5 * 4).map { UInt8($0) }, labels: [0, 1, 2, 3, 4], rows: 2, columns: 2)
        let validation = split.slice(3 ..< 5)
        #expect(validation.count == 2 && validation.labels == [3, 4])
        #expect(validation.pixels == [12, 13, 14, 15, 16, 17, 18, 19])
        #expect(split.slice(4 ..< 9).count == 1)
    }
}
