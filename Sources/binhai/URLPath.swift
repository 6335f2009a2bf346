import Foundation

enum URLPath {
    /// A file URL for a path typed by the user (relative to the working directory, `~` expanded).
    static func fileURL(_ path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        return URL(fileURLWithPath: expanded)
    }
}
