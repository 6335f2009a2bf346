/// One sector (industry / product group) of an input-output table.
public struct Sector: Equatable, Hashable, Sendable {
    /// The code used as row and column label in the CSV files, e.g. `"06"`.
    public var code: String
    /// English name, from `sectors.csv` (`name_en`) when present.
    public var nameEn: String?
    /// Chinese name, from `sectors.csv` (`name_zh`) when present.
    public var nameZh: String?

    public init(code: String, nameEn: String? = nil, nameZh: String? = nil) {
        self.code = code
        self.nameEn = nameEn
        self.nameZh = nameZh
    }

    /// `code name` for messages, preferring the Chinese name, e.g. `06 食品和烟草`.
    public var displayName: String {
        if let n = nameZh ?? nameEn, !n.isEmpty { return "\(code) \(n)" }
        return code
    }
}
