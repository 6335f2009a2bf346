extension ResultSet {
    /// The first table with `id`.
    public func table(_ id: String) -> ResultTable? { tables.first { $0.id == id } }
}
