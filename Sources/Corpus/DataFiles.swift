import Foundation

/// The files under the data paths that the loader reads, found before any is opened.
struct DataFiles {
    struct File: Sendable, Hashable {
        var path: String
        var format: LoadReport.Format
    }

    /// Sorted by path and free of repeats, so load order does not depend on the file system.
    var files: [File] = []
    var ignored = 0
    var missing: [LoadIssue] = []

    /// Folders are walked recursively, skipping hidden files and folders; a file named
    /// directly is read whatever its name, if its extension is one the loader knows.
    init(paths: [String]) {
        var found: Set<File> = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
                    add(path, to: &found)
                } else {
                    missing.append(LoadIssue(origin: .init(path: path), problem: .pathNotFound))
                }
                continue
            }
            guard isFolder.boolValue else {
                add(path, to: &found)
                continue
            }
            let root = URL(fileURLWithPath: path, isDirectory: true)
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
            while let url = walker?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true { continue }
                add(url.path, to: &found)
            }
        }
        files = found.sorted { $0.path < $1.path }
    }

    private mutating func add(_ path: String, to found: inout Set<File>) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let dot = name.lastIndex(of: ".")
        guard let dot, dot != name.startIndex,
            let format = LoadReport.Format(rawValue: name[name.index(after: dot)...].lowercased())
        else {
            ignored += 1
            return
        }
        found.insert(File(path: path, format: format))
    }
}
