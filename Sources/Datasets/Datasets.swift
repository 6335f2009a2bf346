import Foundation

/// Datasets shipped inside the package as SwiftPM resources, so the tool and the tests run from
/// any folder (a user's clone has no `../shared`).
public enum EmbeddedDatasets {
    /// Thrown when a resource folder is missing from the built bundle (a packaging error).
    public struct MissingResource: Error, CustomStringConvertible, Sendable {
        /// The resource name.
        public var name: String
        public var description: String {
            "embedded dataset '\(name)' is missing from the Datasets resource bundle (rebuild the package)"
        }
    }

    /// Name of the NBS 2020 42-sector folder inside the bundle.
    public static let nbs2020_42Name = "nbs-2020-42"

    /// Folder of the National Bureau of Statistics 2020 input-output table of China,
    /// 42 sectors, non-competitive imports (Z and Y hold domestic flows only; imported
    /// intermediates are the F row `IMPORTED_INTERMEDIATE`), values in 万元 (10⁴ CNY), from the
    /// R package ionet. Holds `Z.csv`, `Y.csv`, `F.csv`, `x.csv`, `sectors.csv`, `dataset.yaml`
    /// and `README.md`; read it with `IOFolderReader.read(_:)`.
    /// - Throws: `MissingResource` if the bundle lacks it.
    public static var nbs2020_42: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: nbs2020_42Name, withExtension: nil) else {
                throw MissingResource(name: nbs2020_42Name)
            }
            return url
        }
    }

    /// Name of the default Binhai dataset folder inside the bundle.
    public static let binhaiDefaultName = "binhai-default"

    /// Folder of the default Binhai New Area dataset (`dataset.yaml` manifest, `history.csv`,
    /// `industries.csv`, `concordance.csv`, `carriers.csv`, `beijing.csv`): published figures with
    /// their sources, derived and assumed values marked as such. Its IO table is `nbs2020_42`.
    /// - Throws: `MissingResource` if the bundle lacks it.
    public static var binhaiDefault: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: binhaiDefaultName, withExtension: nil) else {
                throw MissingResource(name: binhaiDefaultName)
            }
            return url
        }
    }

    /// The built-in NBS input-output tables of China, by name: 2017, 2018 and 2020 at 42 sectors
    /// (non-competitive imports) and at 149/153 sectors (competitive imports), each a folder with
    /// `Z.csv`, `Y.csv`, `F.csv`, `x.csv`, `sectors.csv`, `concordance.csv` (onto the 1+3+4
    /// industries) and `dataset.yaml` (year, size, units, source, checks).
    public static let ioTableNames = ["nbs-2017-42", "nbs-2018-42", "nbs-2020-42", "nbs-2017-149", "nbs-2018-153", "nbs-2020-153"]

    /// The folder of a built-in dataset or table by name (`binhai-default`, `nbs-2020-42`, …), or nil.
    public static func folder(named name: String) throws -> URL? {
        if name == binhaiDefaultName { return try binhaiDefault }
        guard ioTableNames.contains(name) else { return nil }
        guard let url = Bundle.module.url(forResource: name, withExtension: nil) else { throw MissingResource(name: name) }
        return url
    }

    /// Names accepted by `folder(named:)`.
    public static let names = [binhaiDefaultName] + ioTableNames

    /// What a `builtin:` name stands for.
    public enum Kind: Sendable {
        /// A dataset folder (`dataset.yaml`, `history.csv`, …).
        case dataset
        /// An input-output table folder (`Z.csv`, `Y.csv`, …).
        case ioTable

        /// The built-in names of this kind.
        public var names: [String] {
            switch self {
            case .dataset: return [binhaiDefaultName]
            case .ioTable: return ioTableNames
            }
        }

        var what: String { self == .dataset ? "dataset" : "input-output table" }
    }

    /// An unknown built-in name: what was asked for and what exists.
    public struct UnknownBuiltin: Error, CustomStringConvertible, Sendable {
        public var name: String
        public var kind: Kind
        public var description: String {
            "unknown built-in \(kind.what) \"\(name)\"; available: \(kind.names.map { "builtin:\($0)" }.joined(separator: ", "))"
        }
    }

    /// The one resolution of built-in names: `builtin:NAME` (or a bare NAME with `prefixed: false`)
    /// → the embedded folder of that kind; nil when `reference` is not a `builtin:` reference.
    /// - Throws: `UnknownBuiltin` for a name that is not a built-in of `kind`; `MissingResource`
    ///   for a broken bundle.
    public static func builtin(_ reference: String, kind: Kind, prefixed: Bool = true) throws -> URL? {
        let name: String
        if prefixed {
            guard reference.hasPrefix("builtin:") else { return nil }
            name = String(reference.dropFirst("builtin:".count))
        } else {
            name = reference
        }
        guard kind.names.contains(name), let url = try folder(named: name) else { throw UnknownBuiltin(name: name, kind: kind) }
        return url
    }

    /// The default scenario `binhai forecast` runs: the doubling plan 2020→2025 on
    /// `binhai-default` (the same file as the repository's `scenarios/doubling-2020-2025.yaml`;
    /// a test keeps the two identical).
    public static var defaultScenario: URL {
        get throws {
            guard let folder = Bundle.module.url(forResource: "scenarios", withExtension: nil) else {
                throw MissingResource(name: "scenarios")
            }
            return folder.appendingPathComponent("doubling-2020-2025.yaml")
        }
    }

    /// Every shipped scenario (the repository's `scenarios/*.yaml`, embedded so `binhai serve`
    /// offers them from any folder; a test keeps the copies identical), sorted by file name.
    public static var shippedScenarios: [URL] {
        get throws {
            guard let folder = Bundle.module.url(forResource: "scenarios", withExtension: nil) else {
                throw MissingResource(name: "scenarios")
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
            return names.map { folder.appendingPathComponent($0) }
        }
    }
}
