/// What one module added to the results: its descriptor and its tables, in order.
public struct ModuleReport: Sendable {
    public var descriptor: ModuleDescriptor
    public var tables: [ResultTable]

    public init(descriptor: ModuleDescriptor, tables: [ResultTable]) {
        self.descriptor = descriptor
        self.tables = tables
    }
}
