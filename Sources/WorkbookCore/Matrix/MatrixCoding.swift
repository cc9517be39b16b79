/// Matrices (and so networks) save as JSON: `{"rows": 2, "columns": 3, "elements": [...]}`.
extension Matrix: Codable {
    private enum CodingKeys: String, CodingKey { case rows, columns, elements }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rows = try container.decode(Int.self, forKey: .rows)
        let columns = try container.decode(Int.self, forKey: .columns)
        let elements = try container.decode([Double].self, forKey: .elements)
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard rows >= 0, columns >= 0, !overflow, elements.count == count else {
            throw DecodingError.dataCorruptedError(forKey: .elements, in: container,
                                                   debugDescription: "a \(rows)×\(columns) matrix cannot hold \(elements.count) elements")
        }
        self.init(rows: rows, columns: columns, elements: elements)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows, forKey: .rows)
        try container.encode(columns, forKey: .columns)
        try container.encode(elements, forKey: .elements)
    }
}

