import Datasets
import Foundation
import Testing

@Suite("Downloading MNIST")
struct DownloadTests {
    @Test("a server that cannot be reached is said to be unreachable, with what to do offline, and leaves no folder")
    func unreachable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mnist-\(UUID().uuidString)/data/mnist")
        // Port 9 (discard) on this machine: the connection is refused at once, as it is offline.
        #expect {
            try MNISTDownload.fetch(into: folder, mirror: "http://127.0.0.1:9/")
        } throws: { error in
            guard case .unreachable(let address, _, let place) = error as? DataError else { return false }
            return address == "127.0.0.1" && place == folder.path
                && "\(error)".contains("offline? Put the four MNIST files in \(folder.path)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().deletingLastPathComponent().path))
    }
}
