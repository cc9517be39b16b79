/// What can be wrong with a data file, in words a learner can act on.
public enum DataError: Error, CustomStringConvertible, Equatable {
    /// No file where one was expected; the second value lists where the workbook looked.
    case missing(String, String)
    /// The file is damaged: bad compression, a wrong length, a wrong magic number.
    case corrupt(String, String)
    /// The file is a valid IDX file of the wrong kind, such as labels where images belong.
    case mislabelled(String, String)
    /// Two files do not belong together, such as 60,000 images with 10,000 labels.
    case mismatched(String)
    /// A download could not reach its server: the address, why, and the folder the files belong in.
    case unreachable(String, String, String)
    /// The server answered, but not with the file: the address and what it answered.
    case refused(String, String)

    public var description: String {
        switch self {
        case .missing(let name, let places): "\(name) was not found. Looked in: \(places)"
        case .corrupt(let name, let reason): "\(name) is damaged: \(reason)"
        case .mislabelled(let name, let reason): "\(name) is not what its name says: \(reason)"
        case .mismatched(let reason): "the data files do not belong together: \(reason)"
        case .unreachable(let address, let reason, let folder):
            "could not reach \(address) (\(reason)); offline? Put the four MNIST files in \(folder), "
                + "or pass --data DIR (or set MNIST_DIR) to use a folder that has them"
        case .refused(let address, let answer): "\(address) answered \(answer); nothing was saved (try another --mirror)"
        }
    }
}
